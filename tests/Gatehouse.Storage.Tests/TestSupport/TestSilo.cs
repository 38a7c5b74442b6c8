using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>
/// A real Orleans silo on 127.0.0.1 using ADO.NET clustering on the test database, with membership
/// timings shortened so that a dead silo is found in seconds.
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host, int siloPort, int gatewayPort)
    {
        _host = host;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>This silo's address, including its generation.</summary>
    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Builds, without starting, a silo of the cluster, on free ports unless given.</summary>
    public static TestSilo Create(
        string connectionString, string clusterId, ITestOutputHelper? output = null, int? siloPort = null, int? gatewayPort = null)
    {
        var ports = (Silo: siloPort ?? FreePort.Next(), Gateway: gatewayPort ?? FreePort.Next());
        var host = new HostBuilder()
            .ConfigureLogging(logging =>
            {
                if (output is not null)
                {
                    logging.AddProvider(new TestOutputLoggerProvider(output, LogLevel.Information));
                }
            })
            .UseOrleans(silo => silo
                .Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = clusterId;
                    options.ServiceId = ProviderHost.ServiceId;
                })
                .ConfigureEndpoints(IPAddress.Loopback, ports.Silo, ports.Gateway)
                .Configure<ClusterMembershipOptions>(options =>
                {
                    // Prompt, but not so prompt that a silo slowed by a busy machine is taken for dead.
                    options.ProbeTimeout = TimeSpan.FromSeconds(2);
                    options.NumMissedProbesLimit = 3;
                    options.NumVotesForDeathDeclaration = 1;
                    options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
                    options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                })
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = connectionString;
                }))
            .Build();
        return new TestSilo(host, ports.Silo, ports.Gateway);
    }

    public static async Task<TestSilo> StartAsync(
        string connectionString, string clusterId, CancellationToken ct, ITestOutputHelper? output = null, int? siloPort = null, int? gatewayPort = null)
    {
        var silo = Create(connectionString, clusterId, output, siloPort, gatewayPort);
        try
        {
            await silo.StartAsync(ct);
            return silo;
        }
        catch
        {
            // It never started, so there is nothing to stop; only the container to release.
            silo._stopped = true;
            await silo.DisposeAsync();
            throw;
        }
    }

    public Task StartAsync(CancellationToken ct) => _host.StartAsync(ct);

    /// <summary>Graceful shutdown: the silo writes its own way out, ending Dead.</summary>
    public async Task StopGracefullyAsync(CancellationToken ct)
    {
        _stopped = true;
        await _host.StopAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            // An already cancelled token makes Orleans skip the graceful steps: fast clean-up.
            _stopped = true;
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            try
            {
                await _host.StopAsync(cancelled.Token);
            }
            catch (OperationCanceledException)
            {
                // Expected: the stop was told to abandon its graceful steps.
            }
        }

        _host.Dispose();
    }
}
