using Gatehouse.Storage.Tests.TestSupport;
using Npgsql;

namespace Gatehouse.Storage.Tests.Schema;

/// <summary>
/// The membership table contract with <c>plpgsql.check_asserts = off</c>, under which an ASSERT
/// based compare-and-set would commit half-done writes.
/// </summary>
public sealed class CheckAssertsOffMembershipTableTests(CheckAssertsOffDatabase database)
    : MembershipTableContractTests(database), IClassFixture<CheckAssertsOffDatabase>
{
    [Fact]
    public async Task Sessions_really_run_with_plpgsql_asserts_disabled()
    {
        Assert.Equal("off", Assert.Single(await Sql.StringsAsync(ConnectionString, "SHOW plpgsql.check_asserts")));

        // A failing ASSERT is silently skipped, which is why the schema raises instead.
        await Sql.ExecuteAsync(ConnectionString, "DO $$ BEGIN ASSERT false, 'checked'; END $$");

        await Assert.ThrowsAsync<PostgresException>(() =>
            Sql.ExecuteAsync(ConnectionString, "SET plpgsql.check_asserts = on; DO $$ BEGIN ASSERT false, 'checked'; END $$"));
    }
}
