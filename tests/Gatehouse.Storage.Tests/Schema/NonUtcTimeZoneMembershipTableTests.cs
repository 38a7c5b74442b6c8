using Gatehouse.Storage.Tests.TestSupport;

namespace Gatehouse.Storage.Tests.Schema;

/// <summary>
/// The membership table contract with the session <c>TimeZone</c> set to America/Los_Angeles:
/// timestamps must still round-trip as the same UTC instants.
/// </summary>
public sealed class NonUtcTimeZoneMembershipTableTests(LosAngelesTimeZoneDatabase database)
    : MembershipTableContractTests(database), IClassFixture<LosAngelesTimeZoneDatabase>
{
    [Fact]
    public async Task Sessions_really_run_in_a_time_zone_other_than_utc()
    {
        Assert.Equal(LosAngelesTimeZoneDatabase.TimeZone, Assert.Single(await Sql.StringsAsync(ConnectionString, "SHOW timezone")));
    }
}
