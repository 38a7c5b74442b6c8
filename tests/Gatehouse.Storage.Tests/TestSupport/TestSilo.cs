using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>
/// A real in-process Orleans silo on 127.0.0.1 using ADO.NET clustering on the test database, with
/// membership timings shortened so that failures are detected in seconds.
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly NpgsqlDataSource? _dataSource;
    private bool _stopped;
    private bool _disposed;

    private TestSilo(IHost host, NpgsqlDataSource? dataSource, int siloPort, int gatewayPort)
    {
        _host = host;
        _dataSource = dataSource;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>This silo's address, including its generation.</summary>
    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>
    /// Builds, without starting, a silo of the cluster on free ports unless given. With
    /// <c>canVanish</c> it reaches the database through a data source this object owns (the
    /// provider's DataSource option) instead of the connection string, so that
    /// <see cref="VanishAsync"/> can cut it off.
    /// </summary>
    public static TestSilo Create(
        string connectionString, string clusterId, ITestOutputHelper? output = null, bool canVanish = false, int? siloPort = null, int? gatewayPort = null)
    {
        var ports = (Silo: siloPort ?? FreePort.Next(), Gateway: gatewayPort ?? FreePort.Next());
        var dataSource = canVanish ? NpgsqlDataSource.Create(connectionString) : null;
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
                    options.ProbeTimeout = TimeSpan.FromSeconds(1);
                    options.NumMissedProbesLimit = 2;
                    options.NumVotesForDeathDeclaration = 1;
                    options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
                    options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                })
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    if (dataSource is null)
                    {
                        options.ConnectionString = connectionString;
                    }
                    else
                    {
                        options.DataSource = dataSource;
                    }
                }))
            .Build();
        return new TestSilo(host, dataSource, ports.Silo, ports.Gateway);
    }

    public static async Task<TestSilo> StartAsync(
        string connectionString,
        string clusterId,
        CancellationToken ct,
        ITestOutputHelper? output = null,
        bool canVanish = false,
        int? siloPort = null,
        int? gatewayPort = null)
    {
        var silo = Create(connectionString, clusterId, output, canVanish, siloPort, gatewayPort);
        try
        {
            await silo.StartAsync(ct);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    public Task StartAsync(CancellationToken ct) => _host.StartAsync(ct);

    /// <summary>Graceful shutdown: the silo announces ShuttingDown, then Dead, itself.</summary>
    public async Task StopGracefullyAsync(CancellationToken ct)
    {
        _stopped = true;
        await _host.StopAsync(ct);
    }

    /// <summary>
    /// The in-process stand-in for kill -9: the silo loses its database first (as a killed process
    /// would, so it cannot write its own Dead status), then stops without grace, which closes its
    /// sockets. The rest of the cluster must find out by probing. Needs <c>canVanish</c>.
    /// </summary>
    public async Task VanishAsync()
    {
        if (_dataSource is null)
        {
            throw new InvalidOperationException("Only a silo created with canVanish can vanish.");
        }

        await _dataSource.DisposeAsync();
        await StopWithoutGraceAsync();
        Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopWithoutGraceAsync();
        }

        Dispose();
    }

    /// <summary>Stops with an already cancelled token, which Orleans treats as a non-graceful stop.</summary>
    private async Task StopWithoutGraceAsync()
    {
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

    private void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _host.Dispose();
            _dataSource?.Dispose();
        }
    }
}
