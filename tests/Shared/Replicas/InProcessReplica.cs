using System.Globalization;
using Gatehouse.Host.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Gatehouse.Testing;

/// <summary>
/// One Gatehouse replica in this process, composed as <c>Program.cs</c> composes it
/// (<c>AddGatehouse</c>, then <c>MapGatehouse</c>), on its own HTTP, silo and gateway ports.
/// </summary>
internal sealed class InProcessReplica : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessReplica(WebApplication app, Uri baseUrl, int siloPort)
    {
        _app = app;
        BaseUrl = baseUrl;
        SiloPort = siloPort;
    }

    public Uri BaseUrl { get; }

    public int SiloPort { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="configPath">The replica's <c>gatehouse.json</c> (<c>--config</c>).</param>
    /// <param name="configure">What the test adds to the replica's services before it is built (an exporter, a fault).</param>
    public static async Task<InProcessReplica> StartAsync(string configPath, Action<WebApplicationBuilder>? configure = null)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var siloPort = FreePort.Next();
        string[] args =
        [
            "--config", configPath, "--urls", baseUrl.ToString(),
            $"--Gatehouse:Cluster:SiloPort={siloPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Gatehouse:Cluster:GatewayPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
        ];

        var builder = WebApplication.CreateBuilder(args);
        builder.AddGatehouse(args);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapGatehouse();
        await app.StartAsync();
        return new InProcessReplica(app, baseUrl, siloPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
