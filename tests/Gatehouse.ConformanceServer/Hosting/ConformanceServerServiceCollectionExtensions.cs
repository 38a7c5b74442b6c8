using Gatehouse.ConformanceServer.Completions;
using Gatehouse.ConformanceServer.Prompts;
using Gatehouse.ConformanceServer.Resources;
using Gatehouse.ConformanceServer.Subscriptions;
using Gatehouse.ConformanceServer.Tools;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;

namespace Gatehouse.ConformanceServer.Hosting;

/// <summary>Registers everything the conformance suite's server scenarios call for.</summary>
internal static class ConformanceServerServiceCollectionExtensions
{
    public static IServiceCollection AddConformanceServer(this IServiceCollection services)
    {
        services.AddSingleton<ResourceSubscriptions>();

        // The event store makes POST SSE streams resumable (priming event, event ids, replay after
        // Last-Event-ID), which the server-sse-polling scenario needs; an in-process cache is enough here.
        services.AddDistributedMemoryCache();

        services
            .AddMcpServer(options => options.ServerInfo = new Implementation
            {
                Name = ConformanceServerDefaults.ServerName,
                Version = ConformanceServerDefaults.ServerVersion,
            })
            // Sampling, elicitation and unsolicited notifications need a session: the SDK's default is stateless.
            .WithHttpTransport(options => options.SessionMode = HttpServerSessionMode.StatefulForInitializeClients)
            .WithDistributedCacheEventStreamStore()
            .WithTools<ContentTools>()
            .WithTools<ErrorTool>()
            .WithTools<LoggingTool>()
            .WithTools<ProgressTool>()
            .WithTools<SamplingTool>()
            .WithTools<ElicitationTool>()
            .WithTools<ElicitationDefaultsTool>()
            .WithTools<ElicitationEnumsTool>()
            .WithTools<ReconnectionTool>()
            .WithTools([JsonSchema2020Tool.Create()])
            .WithResources<StaticResources>()
            .WithResources<TemplateResources>()
            .WithPrompts<ConformancePrompts>()
            .WithSubscribeToResourcesHandler(SubscriptionHandlers.SubscribeAsync)
            .WithUnsubscribeFromResourcesHandler(SubscriptionHandlers.UnsubscribeAsync)
            .WithCompleteHandler(CompletionHandler.CompleteAsync);

        return services;
    }
}
