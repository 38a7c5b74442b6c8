using Gatehouse.Storage.Tests.TestSupport;
using Orleans;
using Orleans.Runtime;

namespace Gatehouse.Storage.Tests.Schema;

/// <summary>
/// The contract's checklist items 3–8 (and 2 at table level), driven through Orleans' own ADO.NET
/// <see cref="IMembershipTable"/> on the migrated schema, then checked with direct SQL. Each test
/// uses a cluster id of its own. The derived classes run the same tests under different session
/// settings.
/// </summary>
public abstract partial class MembershipTableContractTests : IDisposable
{
    private readonly ProviderHost _provider;
    private readonly CancellationTokenSource _timeout = new(Eventually.Ceiling);

    protected MembershipTableContractTests(MigratedDatabase database)
    {
        ConnectionString = database.ConnectionString;
        ClusterId = "contract-" + Guid.NewGuid().ToString("N");
        Rows = new MembershipRows(ConnectionString);
        _provider = ProviderHost.ForSilo(ConnectionString, ClusterId);
    }

    protected string ConnectionString { get; }

    protected string ClusterId { get; }

    private protected MembershipRows Rows { get; }

    protected IMembershipTable Table => _provider.MembershipTable;

    /// <summary>Cancels whatever a test still awaits after a minute, so a hang fails instead.</summary>
    protected CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Reading_a_new_cluster_gives_version_zero_and_no_members()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);

        var data = await Table.ReadAllAsync(Ct);

        Assert.Equal(0, data.Version.Version);
        Assert.Equal("0", data.Version.VersionEtag);
        Assert.Empty(data.Members);
    }

    [Fact]
    public async Task Twenty_silos_initializing_at_once_create_one_version_row_at_version_zero()
    {
        var providers = Enumerable.Range(0, 20).Select(_ => ProviderHost.ForSilo(ConnectionString, ClusterId)).ToList();
        try
        {
            await Task.WhenAll(providers.Select(p => Task.Run(() => p.MembershipTable.InitializeMembershipTableAsync(true, Ct))));
        }
        finally
        {
            providers.ForEach(p => p.Dispose());
        }

        Assert.Equal(1, await Rows.VersionRowCountAsync(ClusterId));
        Assert.Equal(0, (await Rows.VersionAsync(ClusterId))!.Version);
    }

    [Fact]
    public async Task The_version_row_insert_reports_whether_it_created_the_row()
    {
        var queries = new StoredQueries(ConnectionString);

        var first = await queries.ScalarAsync("InsertMembershipVersionKey", ("DeploymentId", ClusterId));
        var second = await queries.ScalarAsync("InsertMembershipVersionKey", ("DeploymentId", ClusterId));

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Equal(0, (await Rows.VersionAsync(ClusterId))!.Version);
    }

    [Fact]
    public async Task Reading_the_row_of_an_unknown_silo_gives_the_version_and_no_member()
    {
        await Table.InitializeMembershipTableAsync(true, Ct);
        await InsertAsync(SiloEntries.Create(SiloEntries.Address(11111)));

        var data = await Table.ReadRowAsync(SiloEntries.Address(22222), Ct);

        Assert.Equal(1, data.Version.Version);
        Assert.Empty(data.Members);
    }

    [Fact]
    public async Task Deleting_a_cluster_removes_its_members_and_version_row_only()
    {
        using var other = ProviderHost.ForSilo(ConnectionString, ClusterId + "-other");
        await other.MembershipTable.InitializeMembershipTableAsync(true, Ct);
        await Table.InitializeMembershipTableAsync(true, Ct);
        await InsertAsync(SiloEntries.Create(SiloEntries.Address(11111)));

        await Table.DeleteMembershipTableEntriesAsync(ClusterId, Ct);

        Assert.Equal(0, await Rows.VersionRowCountAsync(ClusterId));
        Assert.Empty(await Rows.MembersAsync(ClusterId));
        Assert.Equal(1, await Rows.VersionRowCountAsync(ClusterId + "-other"));
    }

    public void Dispose()
    {
        _provider.Dispose();
        _timeout.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Inserts through the provider at the table's current version; fails if refused.</summary>
    protected Task InsertAsync(MembershipEntry entry) => Table.SeedAsync(entry, Ct);
}
