using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Messaging;

namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>
/// A built, never started, Orleans host whose container yields the ADO.NET provider's own
/// <see cref="IMembershipTable"/> (silo side) or <see cref="IGatewayListProvider"/> (client side).
/// </summary>
internal sealed class ProviderHost : IDisposable
{
    public const string ServiceId = "gatehouse-storage-tests";

    private readonly IHost _host;

    private ProviderHost(IHost host) => _host = host;

    public IMembershipTable MembershipTable => _host.Services.GetRequiredService<IMembershipTable>();

    public IGatewayListProvider GatewayListProvider => _host.Services.GetRequiredService<IGatewayListProvider>();

    public static ProviderHost ForSilo(string connectionString, string clusterId) => new(new HostBuilder()
        .UseOrleans(silo => silo
            .Configure<ClusterOptions>(options => Name(options, clusterId))
            .UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            }))
        .Build());

    public static ProviderHost ForClient(string connectionString, string clusterId) => new(new HostBuilder()
        .UseOrleansClient(client => client
            .Configure<ClusterOptions>(options => Name(options, clusterId))
            .UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            }))
        .Build());

    public void Dispose() => _host.Dispose();

    private static void Name(ClusterOptions options, string clusterId)
    {
        options.ClusterId = clusterId;
        options.ServiceId = ServiceId;
    }
}
