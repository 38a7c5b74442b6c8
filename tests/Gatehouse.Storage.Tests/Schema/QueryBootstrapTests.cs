using Gatehouse.Storage.Migrations;
using Gatehouse.Storage.Tests.TestSupport;
using Xunit.Abstractions;

namespace Gatehouse.Storage.Tests.Schema;

/// <summary>
/// Checklist item 1: how the provider finds its query texts in orleansquery. Tests that remove a
/// key put it back before they end (tests of one class never run at the same time).
/// </summary>
public sealed class QueryBootstrapTests(MigratedDatabase database, ITestOutputHelper output) : IClassFixture<MigratedDatabase>, IDisposable
{
    private const string MissingAre = "Not all required queries found. Missing are:";

    private static readonly string[] RequiredKeys =
    [
        "InsertMembershipVersionKey",
        "MembershipReadAllKey",
        "MembershipReadRowKey",
        "InsertMembershipKey",
        "UpdateMembershipKey",
        "UpdateIAmAlivetimeKey",
        "GatewaysQueryKey",
        "CleanupDefunctSiloEntriesKey",
        "DeleteMembershipTableEntriesKey",
    ];

    private readonly string _clusterId = "bootstrap-" + Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _timeout = new(Eventually.Ceiling);

    public static TheoryData<string> Required => [.. RequiredKeys];

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task The_schema_holds_every_required_query_key_and_the_optional_per_row_cleanup()
    {
        var keys = await Sql.StringsAsync(database.ConnectionString, "SELECT querykey FROM orleansquery");

        Assert.Equal(
            RequiredKeys.Append("CleanupDefunctSiloEntryKey").Order(StringComparer.Ordinal),
            keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Required))]
    public async Task A_silo_provider_refuses_to_start_without_a_required_key(string key)
    {
        var error = await WithoutKeyAsync(key, async () =>
        {
            using var provider = ProviderHost.ForSilo(database.ConnectionString, _clusterId);
            return await Assert.ThrowsAsync<ArgumentException>(() => provider.MembershipTable.InitializeMembershipTableAsync(true, Ct));
        });

        Assert.Contains(MissingAre, error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_refuses_to_start_without_a_key_it_never_runs()
    {
        var error = await WithoutKeyAsync("UpdateMembershipKey", async () =>
        {
            using var client = ProviderHost.ForClient(database.ConnectionString, _clusterId);
            return await Assert.ThrowsAsync<ArgumentException>(() => client.GatewayListProvider.InitializeGatewayListProviderAsync(Ct));
        });

        Assert.Contains("UpdateMembershipKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_are_matched_case_sensitively()
    {
        await Sql.ExecuteAsync(database.ConnectionString, "UPDATE orleansquery SET querykey = 'UpdateIAmAliveTimeKey' WHERE querykey = 'UpdateIAmAlivetimeKey'");
        try
        {
            using var provider = ProviderHost.ForSilo(database.ConnectionString, _clusterId);
            var error = await Assert.ThrowsAsync<ArgumentException>(() => provider.MembershipTable.InitializeMembershipTableAsync(true, Ct));

            Assert.Contains("UpdateIAmAlivetimeKey", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await Sql.ExecuteAsync(database.ConnectionString, "UPDATE orleansquery SET querykey = 'UpdateIAmAlivetimeKey' WHERE querykey = 'UpdateIAmAliveTimeKey'");
        }
    }

    [Fact]
    public async Task The_per_row_cleanup_key_is_optional()
    {
        var data = await WithoutKeyAsync("CleanupDefunctSiloEntryKey", async () =>
        {
            using var provider = ProviderHost.ForSilo(database.ConnectionString, _clusterId);
            await provider.MembershipTable.InitializeMembershipTableAsync(true, Ct);
            return await provider.MembershipTable.ReadAllAsync(Ct);
        });

        Assert.Equal(0, data.Version.Version);
    }

    [Fact]
    public async Task A_real_silo_does_not_start_without_a_required_key()
    {
        var error = await WithoutKeyAsync("MembershipReadAllKey", () =>
            Assert.ThrowsAnyAsync<Exception>(() => TestSilo.StartAsync(database.ConnectionString, _clusterId, Ct, output)));

        Assert.Contains(Flatten(error), e => e.Message.Contains(MissingAre, StringComparison.Ordinal) && e.Message.Contains("MembershipReadAllKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rerunning_the_query_insert_refreshes_changed_texts()
    {
        var sql = MigrationCatalog.All[0].Sql;
        var insertQueries = sql[sql.IndexOf("INSERT INTO orleansquery", StringComparison.Ordinal)..];
        var queries = new StoredQueries(database.ConnectionString);
        var original = await queries.TextAsync("GatewaysQueryKey");
        await Sql.ExecuteAsync(database.ConnectionString, "UPDATE orleansquery SET querytext = 'SELECT 1' WHERE querykey = 'GatewaysQueryKey'");

        await Sql.ExecuteAsync(database.ConnectionString, insertQueries);

        Assert.Equal(original, await queries.TextAsync("GatewaysQueryKey"));
    }

    public void Dispose() => _timeout.Dispose();

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private async Task<T> WithoutKeyAsync<T>(string key, Func<Task<T>> test)
    {
        var text = await new StoredQueries(database.ConnectionString).TextAsync(key);
        await Sql.ExecuteAsync(database.ConnectionString, "DELETE FROM orleansquery WHERE querykey = @key", ("key", key));
        try
        {
            return await test();
        }
        finally
        {
            await Sql.ExecuteAsync(
                database.ConnectionString,
                "INSERT INTO orleansquery (querykey, querytext) VALUES (@key, @text)",
                ("key", key),
                ("text", text));
        }
    }
}
