using Gatehouse.Host.Auth;
using Gatehouse.Host.Sessions;
using ModelContextProtocol.AspNetCore;

namespace Gatehouse.Host.Front;

/// <summary>The agent-facing MCP endpoints.</summary>
internal static class FrontExtensions
{
    public static IServiceCollection AddGatehouseFront(this IServiceCollection services)
    {
        services.AddSingleton<ToolCallHandler>();
        services.AddSingleton<UpstreamFronts>();
        services.AddSingleton<SessionConfigurator>();
        services.AddSingleton<ISessionMigrationHandler, GrainSessionMigrationHandler>();
        services.AddMcpServer().WithHttpTransport();
        services.AddOptions<HttpServerTransportOptions>().Configure<SessionConfigurator>((transport, configurator) =>
        {
            // Agents on 2025-06-18 and 2025-11-25 get sessions (held in session grains, so any replica
            // serves them); 2026-07-28 agents are served per request.
            transport.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
            transport.ConfigureSessionOptions = configurator.ConfigureAsync;
#pragma warning disable MCPEXP002 // Experimental; used only to count the sessions this replica holds.
            transport.RunSessionHandler = SessionCounting.RunAsync;
#pragma warning restore MCPEXP002
        });
        return services;
    }

    public static WebApplication MapGatehouseFront(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/mcp"),
            mcp => mcp.UseMiddleware<GrantAuthenticationMiddleware>().UseMiddleware<McpRouteGuardMiddleware>());
        app.MapMcp($"/mcp/{{{RouteValues.Upstream}}}");
        return app;
    }
}
