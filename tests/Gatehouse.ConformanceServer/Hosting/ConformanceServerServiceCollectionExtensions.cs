using Gatehouse.ConformanceServer.Completions;
using Gatehouse.ConformanceServer.Prompts;
using Gatehouse.ConformanceServer.Resources;
using Gatehouse.ConformanceServer.Subscriptions;
using Gatehouse.ConformanceServer.Tools;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Hosting;

/// <summary>Registers everything the conformance suite's server scenarios call for.</summary>
internal static class ConformanceServerServiceCollectionExtensions
{
    public static IServiceCollection AddConformanceServer(this IServiceCollection services, bool only2026 = false)
    {
        services.AddSingleton<ResourceSubscriptions>();

        // One tool list and one prompt list for all requests, stateless ones included, so that test_trigger_tool_change
        // and test_trigger_prompt_change change what every client sees and ListenHandler can tell 2026-07-28 clients.
        services.AddSingleton<SharedPrimitiveLists>();
        services.AddOptions<McpServerOptions>().Configure<SharedPrimitiveLists>((options, lists) => lists.Share(options));

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
            .WithTools<InputRequiredElicitationTool>()
            .WithTools<InputRequiredSamplingTool>()
            .WithTools<InputRequiredRootsTool>()
            .WithTools<InputRequiredStateTools>()
            .WithTools<InputRequiredMultipleInputsTool>()
            .WithTools<InputRequiredMultiRoundTool>()
            .WithTools<InputRequiredCapabilitiesTool>()
            .WithTools<MissingCapabilityTool>()
            .WithTools<StreamingElicitationTool>()
            .WithTools<TriggerChangeTools>()
            .WithTools([JsonSchema2020Tool.Create()])
            .WithResources<StaticResources>()
            .WithResources<TemplateResources>()
            .WithPrompts<ConformancePrompts>()
            .WithPrompts<InputRequiredPrompt>()
            .WithSubscribeToResourcesHandler(SubscriptionHandlers.SubscribeAsync)
            .WithUnsubscribeFromResourcesHandler(SubscriptionHandlers.UnsubscribeAsync)
            .WithSubscriptionsListenHandler(ListenHandler.ListenAsync)
            .WithCompleteHandler(CompletionHandler.CompleteAsync)
            .WithMessageFilters(filters =>
            {
                if (only2026)
                {
                    filters.AddIncomingFilter(Gatehouse.TestUpstream.Hosting.Only2026.Filter);
                }
            });

        return services;
    }
}
