using Gatehouse.Storage.Tests.TestSupport;
using Orleans;
using Orleans.Runtime;

namespace Gatehouse.Storage.Tests.Schema;

/// <summary>
/// Checklist item 11: removing defunct silos. Through the provider (which, since the schema has
/// CleanupDefunctSiloEntryKey, picks rows itself and deletes them one by one), and each stored
/// cleanup text on its own.
/// </summary>
public sealed class DefunctSiloCleanupTests : IClassFixture<MigratedDatabase>, IDisposable
{
    private static readonly DateTime Now = SiloEntries.Now;
    private static readonly DateTime Old = Now.AddDays(-10);
    private static readonly DateTime Cutoff = Now.AddDays(-1);

    private readonly string _connectionString;
    private readonly string _clusterId = "cleanup-" + Guid.NewGuid().ToString("N");
    private readonly MembershipRows _rows;
    private readonly StoredQueries _queries;
    private readonly ProviderHost _provider;
    private readonly CancellationTokenSource _timeout = new(Eventually.Ceiling);

    public DefunctSiloCleanupTests(MigratedDatabase database)
    {
        _connectionString = database.ConnectionString;
        _rows = new MembershipRows(_connectionString);
        _queries = new StoredQueries(_connectionString);
        _provider = ProviderHost.ForSilo(_connectionString, _clusterId);
    }

    private IMembershipTable Table => _provider.MembershipTable;

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task The_provider_removes_dead_silos_older_than_the_cutoff_and_nothing_else_without_changing_the_version()
    {
        await SeedMixAsync();
        var versionBefore = await _rows.VersionAsync(_clusterId);

        await Table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Cutoff), Ct);

        Assert.Equal([3, 4, 5, 6, 7], await RemainingAsync());
        Assert.Equal(versionBefore, await _rows.VersionAsync(_clusterId));
    }

    [Fact]
    public async Task The_bulk_cleanup_text_removes_only_old_dead_silos_that_were_never_suspected()
    {
        await SeedMixAsync();
        var versionBefore = await _rows.VersionAsync(_clusterId);

        await _queries.ExecuteAsync("CleanupDefunctSiloEntriesKey", ("DeploymentId", _clusterId), ("IAmAliveTime", Cutoff));

        // Row 2 is old and dead but carries suspicions: left to the per-row text, whose caller
        // checks each suspicion time.
        Assert.Equal([2, 3, 4, 5, 6, 7], await RemainingAsync());
        Assert.Equal(versionBefore, await _rows.VersionAsync(_clusterId));
    }

    [Fact]
    public async Task The_per_row_cleanup_text_deletes_only_a_dead_row_still_holding_exactly_the_values_read()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        await Table.SeedAsync(Entry(1, SiloStatus.Dead, Old, Old, Old), Ct);
        var row = Assert.Single(await _rows.MembersAsync(_clusterId));
        var versionBefore = await _rows.VersionAsync(_clusterId);

        Assert.Equal(0, await DeleteRowAsync(row with { IAmAliveTime = row.IAmAliveTime.AddMilliseconds(1) }));
        Assert.Equal(0, await DeleteRowAsync(row with { StartTime = row.StartTime.AddMilliseconds(-1) }));
        Assert.Equal(0, await DeleteRowAsync(row with { SuspectTimes = row.SuspectTimes + "|changed" }));
        Assert.Equal(0, await DeleteRowAsync(row with { SuspectTimes = null }));
        await SetStatusAsync(SiloStatus.Active);
        Assert.Equal(0, await DeleteRowAsync(row));
        await SetStatusAsync(SiloStatus.Dead);

        Assert.Equal(1, await DeleteRowAsync(row));
        Assert.Empty(await _rows.MembersAsync(_clusterId));
        Assert.Equal(versionBefore, await _rows.VersionAsync(_clusterId));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", null)]
    public async Task The_per_row_cleanup_text_treats_null_and_empty_suspicions_as_equal(string? stored, string? read)
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        await Table.SeedAsync(Entry(1, SiloStatus.Dead, Old, Old), Ct);
        await Sql.ExecuteAsync(_connectionString, "UPDATE orleansmembershiptable SET suspecttimes = @s WHERE deploymentid = @id", ("s", stored), ("id", _clusterId));
        var row = Assert.Single(await _rows.MembersAsync(_clusterId));

        Assert.Equal(1, await DeleteRowAsync(row with { SuspectTimes = read }));
    }

    public void Dispose()
    {
        _provider.Dispose();
        _timeout.Dispose();
    }

    private static MembershipEntry Entry(int number, SiloStatus status, DateTime started, DateTime alive, params DateTime[] suspectedAt)
    {
        var entry = SiloEntries.Create(SiloEntries.Address(number), status, startTime: started, iAmAliveTime: alive);
        foreach (var (time, index) in suspectedAt.Select((time, index) => (time, index)))
        {
            entry.AddSuspector(SiloEntries.Address(50000 + index), time);
        }

        return entry;
    }

    /// <summary>Seven silos; the port numbers say which survive a cleanup at <see cref="Cutoff"/>.</summary>
    private async Task SeedMixAsync()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        MembershipEntry[] entries =
        [
            Entry(1, SiloStatus.Dead, Old, Old),
            Entry(2, SiloStatus.Dead, Old, Old, Old),
            Entry(3, SiloStatus.Active, Old, Old),
            Entry(4, SiloStatus.Dead, Old, Now),
            Entry(5, SiloStatus.Dead, Old, Old, Now),
            Entry(6, SiloStatus.ShuttingDown, Old, Old),
            Entry(7, SiloStatus.Dead, Now, Now),
        ];
        foreach (var entry in entries)
        {
            await Table.SeedAsync(entry, Ct);
        }
    }

    private async Task<IReadOnlyList<int>> RemainingAsync() =>
        (await _rows.MembersAsync(_clusterId)).Select(row => row.Port).ToList();

    private Task SetStatusAsync(SiloStatus status) => Sql.ExecuteAsync(
        _connectionString, "UPDATE orleansmembershiptable SET status = @s WHERE deploymentid = @id", ("s", (int)status), ("id", _clusterId));

    private Task<int> DeleteRowAsync(MemberRow read) => _queries.ExecuteAsync(
        "CleanupDefunctSiloEntryKey",
        ("DeploymentId", _clusterId),
        ("Address", read.Address),
        ("Port", read.Port),
        ("Generation", read.Generation),
        ("StartTime", read.StartTime),
        ("IAmAliveTime", read.IAmAliveTime),
        ("SuspectTimes", read.SuspectTimes));
}
