using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Front.Aggregate;
using Gatehouse.Gateway.Front.Messages;
using Gatehouse.Gateway.Resumption;
using Gatehouse.Gateway.Routing;
using Gatehouse.Gateway.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front;

/// <summary>The agent-facing MCP endpoints.</summary>
internal static class FrontExtensions
{
    public static IServiceCollection AddGatehouseFront(this IServiceCollection services)
    {
        services.AddGatehouseGrantAuthentication();
        services.AddSingleton<ToolCallHandler>();
        services.AddSingleton<Approvals.ApprovalGate>();
        services.AddSingleton<Approvals.UserApproval>();
        services.AddSingleton<Approvals.InputRequiredApproval>();
        // No console links unless the host knows the console's URL (it registers its own).
        services.TryAddSingleton(new Approvals.ApprovalPage(consoleUrl: null));
        services.AddSingleton<Continuations.RequestStateProtector>();
        services.AddSingleton<Continuations.CallBridge>();
        services.AddSingleton<Continuations.StatelessRelay>();
        services.AddSingleton<Subscriptions.ListenBridge>();
        services.AddSingleton<Tasks.TaskRequests>();
        services.AddSingleton<Tasks.TaskQuestions>();
        services.AddSingleton<UpstreamFronts>();
        services.AddSingleton<AggregateFront>();
        services.AddSingleton<AgentSessions>();
        services.AddSingleton<AgentRequests>();
        services.AddSingleton<SessionUpstreams>();
        services.AddSingleton<CancellationWatcher>();
        services.AddSingleton<ForwardingFilter>();
        services.AddSingleton<SessionConfigurator>();
        services.AddSingleton<ISessionMigrationHandler, GrainSessionMigrationHandler>();
        // SSE events are kept cluster-wide, so a stream broken on one replica resumes on any other (Last-Event-ID).
        services.AddSingleton<GrainDistributedCache>();
#pragma warning disable MCP9006 // Stateful sessions are what 2025-06-18 and 2025-11-25 agents speak; Gatehouse serves them.
        services.AddMcpServer().WithHttpTransport().WithDistributedCacheEventStreamStore();
        services.AddOptions<DistributedCacheEventStreamStoreOptions>().Configure<GrainDistributedCache, IOptions<GatehouseOptions>>((store, cache, options) =>
        {
            store.Cache = cache;
            var retention = TimeSpan.FromMinutes(options.Value.ResumptionMinutes);
            store.EventSlidingExpiration = retention;
            store.MetadataSlidingExpiration = retention;
            store.EventAbsoluteExpiration = null;
            store.MetadataAbsoluteExpiration = null;
        });
#pragma warning restore MCP9006
        services.AddSingleton<SessionLifetime>();
        services.AddOptions<HttpServerTransportOptions>().Configure<SessionConfigurator, SessionLifetime>((transport, configurator, lifetime) =>
        {
            // Agents on 2025-06-18 and 2025-11-25 get sessions (held in session grains, so any replica
            // serves them); 2026-07-28 agents are served per request.
            transport.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
            transport.ConfigureSessionOptions = configurator.ConfigureAsync;

            // Every replica an agent's requests reach holds its own copy of the session, but a DELETE closes
            // only the copy on the replica it reaches (and the grain's record): the others are never used again.
            // They go after the same idle time as the session's upstream connections, not the SDK's two hours.
            // A session idle that long is still open in its grain and adopted again by its next request.
#pragma warning disable MCP9006 // Stateful sessions, as above.
            transport.IdleTimeout = SessionUpstreams.IdleLimit;
#pragma warning restore MCP9006
#pragma warning disable MCPEXP002 // Experimental; used to count and register the sessions this replica holds.
            transport.RunSessionHandler = lifetime.RunAsync;
#pragma warning restore MCPEXP002
        });
        return services;
    }

    /// <summary>DNS-rebinding protection on the MCP endpoints, ahead of authentication.</summary>
    public static WebApplication UseGatehouseOriginValidation(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/mcp"), mcp => mcp.UseMiddleware<OriginValidationMiddleware>());
        return app;
    }

    public static WebApplication MapGatehouseFront(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/mcp"),
            mcp => mcp
                .UseMiddleware<McpRouteGuardMiddleware>()
                .UseMiddleware<McpMessageGate>());
        app.MapMcp($"/mcp/{{{RouteValues.Upstream}}}").RequireAuthorization(GrantAuthentication.Policy);
        app.MapMcp("/mcp").RequireAuthorization(GrantAuthentication.Policy);
        return app;
    }
}
