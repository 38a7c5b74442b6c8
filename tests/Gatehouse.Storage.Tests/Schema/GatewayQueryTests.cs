using System.Globalization;
using Gatehouse.Storage.Tests.TestSupport;
using Orleans.Runtime;

namespace Gatehouse.Storage.Tests.Schema;

/// <summary>Checklist item 8: what an Orleans client gets as its gateway list.</summary>
public sealed class GatewayQueryTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly string _clusterId = "gateways-" + Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _timeout = new(Eventually.Ceiling);

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Of_ten_silos_with_three_active_and_one_of_those_without_proxy_port_clients_get_two_gateways()
    {
        var statuses = new[]
        {
            SiloStatus.Active, SiloStatus.Active, SiloStatus.Active, SiloStatus.Created, SiloStatus.Joining,
            SiloStatus.ShuttingDown, SiloStatus.Stopping, SiloStatus.Dead, SiloStatus.Dead, SiloStatus.None,
        };
        using (var silo = ProviderHost.ForSilo(database.ConnectionString, _clusterId))
        {
            await silo.MembershipTable.InitializeMembershipTableAsync(true, Ct);
            for (var i = 0; i < statuses.Length; i++)
            {
                var proxyPort = i == 2 ? 0 : 31000 + i;
                await silo.MembershipTable.SeedAsync(SiloEntries.Create(SiloEntries.Address(11000 + i, generation: 7), statuses[i], proxyPort), Ct);
            }
        }

        await SeedActiveSiloOfAnotherClusterAsync();

        using var client = ProviderHost.ForClient(database.ConnectionString, _clusterId);
        await client.GatewayListProvider.InitializeGatewayListProviderAsync(Ct);
        var gateways = await client.GatewayListProvider.GetGatewaysAsync(Ct);

        Assert.Equal(
            ["10.20.30.40:31000/7", "10.20.30.40:31001/7"],
            gateways.Select(uri => string.Create(CultureInfo.InvariantCulture, $"{uri.Host}:{uri.Port}{uri.AbsolutePath}")).Order(StringComparer.Ordinal));
    }

    public void Dispose() => _timeout.Dispose();

    private async Task SeedActiveSiloOfAnotherClusterAsync()
    {
        using var other = ProviderHost.ForSilo(database.ConnectionString, _clusterId + "-other");
        await other.MembershipTable.InitializeMembershipTableAsync(true, Ct);
        await other.MembershipTable.SeedAsync(SiloEntries.Create(SiloEntries.Address(12000), SiloStatus.Active, 32000), Ct);
    }
}
