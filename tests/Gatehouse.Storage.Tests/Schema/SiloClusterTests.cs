using Gatehouse.Storage.Tests.TestSupport;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Gatehouse.Storage.Tests.Schema;

/// <summary>
/// Checklist items 2, 9 and 10 with real Orleans silos on 127.0.0.1 clustered through the schema:
/// in this process, and, where one must be killed with SIGKILL, in a child process. Each test uses
/// a cluster id of its own; the class runs alone because its timings depend on prompt probes.
/// </summary>
[Collection(SiloClusterCollection.Name)]
public sealed class SiloClusterTests(MigratedDatabase database, ITestOutputHelper output) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly string _clusterId = "silos-" + Guid.NewGuid().ToString("N");
    private readonly MembershipRows _rows = new(database.ConnectionString);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Two_silos_starting_together_on_a_new_cluster_share_one_version_row_and_both_become_active()
    {
        var silos = new[] { TestSilo.Create(database.ConnectionString, _clusterId, output), TestSilo.Create(database.ConnectionString, _clusterId, output) };
        try
        {
            await Task.WhenAll(silos.Select(silo => Task.Run(() => silo.StartAsync(Ct))));

            await Eventually.HoldsAsync(() => AllActiveAsync(2), "two Active (3) rows");
            Assert.Equal(1, await _rows.VersionRowCountAsync(_clusterId));
            Assert.True((await _rows.VersionAsync(_clusterId))!.Version > 0);
        }
        finally
        {
            await Task.WhenAll(silos.Select(silo => silo.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_silo_stopped_gracefully_marks_itself_dead()
    {
        await using var first = await TestSilo.StartAsync(database.ConnectionString, _clusterId, Ct, output);
        await using var second = await TestSilo.StartAsync(database.ConnectionString, _clusterId, Ct, output);
        await Eventually.HoldsAsync(() => AllActiveAsync(2), "two Active (3) rows");

        await second.StopGracefullyAsync(Ct);

        var row = await RowAsync(second.Address);
        Assert.Equal((int)SiloStatus.Dead, row.Status);
        Assert.Equal((int)SiloStatus.Active, (await RowAsync(first.Address)).Status);
    }

    [Fact]
    public async Task A_killed_silo_is_declared_dead_by_the_survivor_and_leaves_the_gateway_list()
    {
        await using var survivor = await TestSilo.StartAsync(database.ConnectionString, _clusterId, Ct, output);
        using var victim = await StartBesideAsync(survivor);
        var versionBefore = (await _rows.VersionAsync(_clusterId))!.Version;
        Assert.Contains(victim.GatewayPort, await GatewayPortsAsync());

        await victim.KillAsync();

        await Eventually.HoldsAsync(
            async () => (await RowAsync(victim.Address)).Status == (int)SiloStatus.Dead,
            "the survivor to declare the killed silo Dead (6)");
        var row = await RowAsync(victim.Address);
        Assert.False(string.IsNullOrEmpty(row.SuspectTimes), "a silo declared dead by others carries their suspicions");
        Assert.Contains(survivor.Address.ToParsableString(), row.SuspectTimes, StringComparison.Ordinal);
        Assert.True((await _rows.VersionAsync(_clusterId))!.Version > versionBefore);
        Assert.Equal([survivor.GatewayPort], await GatewayPortsAsync());
    }

    [Fact]
    public async Task A_silo_restarted_on_the_same_endpoint_after_a_kill_gets_a_new_row_and_its_old_generation_ends_dead()
    {
        await using var survivor = await TestSilo.StartAsync(database.ConnectionString, _clusterId, Ct, output);
        using var killed = await StartBesideAsync(survivor);
        await killed.KillAsync();
        // A generation is the silo's start time in whole seconds; a real restart takes longer than one,
        // so the restart waits until a new generation would differ from the killed one.
        await Eventually.HoldsAsync(() => SiloAddress.AllocateNewGeneration() != killed.Address.Generation, () => "a generation after the killed silo's");

        await using var restarted = await TestSilo.StartAsync(
            database.ConnectionString, _clusterId, Ct, output, siloPort: killed.SiloPort, gatewayPort: killed.GatewayPort);

        Assert.Equal(killed.Address.Endpoint, restarted.Address.Endpoint);
        Assert.NotEqual(killed.Address.Generation, restarted.Address.Generation);
        await Eventually.HoldsAsync(
            async () => (await RowAsync(killed.Address)).Status == (int)SiloStatus.Dead
                && (await RowAsync(restarted.Address)).Status == (int)SiloStatus.Active,
            "the old generation Dead (6) and the new one Active (3)");
        Assert.Equal(2, (await _rows.MembersAsync(_clusterId)).Count(row => row.Port == killed.SiloPort));
    }

    /// <summary>
    /// A silo in a child process (so that it can be killed), once it and <paramref name="survivor"/> are both Active.
    /// On a busy machine the survivor's prompt probes can declare a slowly joining child Dead before it is Active
    /// (seen with the machine's load above 50); what the tests check starts only once both are Active, so such a
    /// start is tried again, with a fresh process.
    /// </summary>
    private async Task<SiloProcess> StartBesideAsync(TestSilo survivor)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var silo = await SiloProcess.StartAsync(database.ConnectionString, _clusterId);
            var status = await Eventually.ValueAsync(
                async () => (Silo: await StatusAsync(silo.Address), Survivor: await StatusAsync(survivor.Address)),
                seen => seen.Silo == SiloStatus.Dead || (seen.Silo == SiloStatus.Active && seen.Survivor == SiloStatus.Active),
                seen => $"the child silo Active beside the survivor (child {seen.Silo}, survivor {seen.Survivor})");
            if (status.Silo == SiloStatus.Active)
            {
                return silo;
            }

            silo.Dispose();
            output.WriteLine($"attempt {attempt}: the child silo {silo.Address} was declared Dead while joining");
            Assert.True(attempt < attempts, $"the child silo was declared Dead while joining, {attempts} times");
        }
    }

    private async Task<SiloStatus?> StatusAsync(SiloAddress silo) =>
        (await _rows.MembersAsync(_clusterId)).FirstOrDefault(row => row.Port == silo.Endpoint.Port && row.Generation == silo.Generation) is { } row
            ? (SiloStatus)row.Status
            : null;

    public void Dispose() => _timeout.Dispose();

    private async Task<bool> AllActiveAsync(int count)
    {
        var members = await _rows.MembersAsync(_clusterId);
        return members.Count == count && members.All(row => row.Status == (int)SiloStatus.Active);
    }

    private async Task<MemberRow> RowAsync(SiloAddress silo) => Assert.Single(
        await _rows.MembersAsync(_clusterId),
        row => row.Port == silo.Endpoint.Port && row.Generation == silo.Generation);

    private async Task<IReadOnlyList<int>> GatewayPortsAsync()
    {
        using var client = ProviderHost.ForClient(database.ConnectionString, _clusterId);
        await client.GatewayListProvider.InitializeGatewayListProviderAsync(Ct);
        var gateways = await client.GatewayListProvider.GetGatewaysAsync(Ct);
        return gateways.Select(uri => uri.Port).Order().ToList();
    }
}
