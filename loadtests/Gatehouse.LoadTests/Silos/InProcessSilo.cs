using System.Net;
using Gatehouse.Grains;
using Gatehouse.LoadTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Gatehouse.LoadTests.Silos;

/// <summary>
/// An Orleans silo in this process running Gatehouse's grains, configured as a replica's silo, on localhost
/// clustering with free ports.
/// Several form one cluster when each names the first as its primary.
/// </summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host, int siloPort)
    {
        _host = host;
        SiloPort = siloPort;
    }

    public int SiloPort { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The silo's own grain factory: calls made through it are what a Gatehouse replica makes.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's runtime identity, as <c>CounterSnapshot.Silo</c> and the admin API show it.</summary>
    public string Identity => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    /// <param name="primary">The first silo of the cluster to join; null: this one is the first.</param>
    /// <param name="configure">Further silo configuration (durable stores, collection age), applied before the in-memory defaults.</param>
    public static async Task<InProcessSilo> StartAsync(InProcessSilo? primary = null, Action<ISiloBuilder>? configure = null)
    {
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var host = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        
        // Errors only: the scenarios' own output (a live display, tables) is what the console is for.
        host.Logging.SetMinimumLevel(LogLevel.Error);
        host.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, primary is null ? null : new IPEndPoint(IPAddress.Loopback, primary.SiloPort));
            silo.Services.AddSingleton(TimeProvider.System);

            // As a Gatehouse replica configures its silo (Gatehouse.Host's ClusterBuilderExtensions), so that
            // what is measured here is what a replica pays: traced grain calls, the strongly consistent directory.
            silo.AddActivityPropagation();
#pragma warning disable ORLEANSEXP003 // Experimental in Orleans 10; Gatehouse uses it for its consistency guarantee.
            silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
            configure?.Invoke(silo);
            silo.Services.AddGatehouseInMemoryStores();
        });
        var built = host.Build();
        await built.StartAsync();
        return new InProcessSilo(built, siloPort);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _host.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutting down is best effort here.
        }

        _host.Dispose();
    }
}
