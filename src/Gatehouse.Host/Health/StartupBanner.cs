using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Health;

/// <summary>Says where agents connect, once the server listens. Names endpoints only, never a token.</summary>
internal sealed partial class StartupBanner(IHostApplicationLifetime lifetime, IServer server, IOptions<GatehouseOptions> options, ILogger<StartupBanner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            foreach (var upstream in options.Value.Upstreams.Keys)
            {
                Log.Endpoint(logger, upstream, $"{address.TrimEnd('/')}/mcp/{upstream}");
            }

            Log.HowToConnect(logger);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Gatehouse serves upstream {Upstream} at {Url}")]
        public static partial void Endpoint(ILogger logger, string upstream, string url);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Connect an MCP client (Streamable HTTP) to one of those URLs with the header 'Authorization: Bearer <your grant's token>'")]
        public static partial void HowToConnect(ILogger logger);
    }
}
