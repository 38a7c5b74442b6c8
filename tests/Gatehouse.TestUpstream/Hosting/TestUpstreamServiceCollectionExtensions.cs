using Gatehouse.TestUpstream.Invocations;
using Gatehouse.TestUpstream.Prompts;
using Gatehouse.TestUpstream.Resources;
using Gatehouse.TestUpstream.Subscriptions;
using Gatehouse.TestUpstream.Tools;
using ModelContextProtocol.Protocol;

namespace Gatehouse.TestUpstream.Hosting;

/// <summary>Registers the test upstream's tools, resources and prompts, whatever the transport.</summary>
internal static class TestUpstreamServiceCollectionExtensions
{
    public static IMcpServerBuilder AddTestUpstream(this IServiceCollection services, string serverName)
    {
        services.AddSingleton<InvocationCounter>();

        // The trace tool reads the traceparent header of the request it serves (absent over stdio).
        services.AddHttpContextAccessor();

        return services
            .AddMcpServer(options => options.ServerInfo = new Implementation
            {
                Name = serverName,
                Version = TestUpstreamDefaults.ServerVersion,
            })
            .WithTools<EchoTool>()
            .WithTools<AddTool>()
            .WithTools<SlowTool>()
            .WithTools<ChattyTool>()
            .WithTools<FailTool>()
            .WithTools<RefuseTool>()
            .WithTools<GetSecretTool>()
            .WithTools<TransferTool>()
            .WithTools<InvocationsTool>()
            .WithTools<AnnotatedTools>()
            .WithTools<TraceTool>()
            .WithTools<WhoAmITool>()
            .WithTools<ProcessTool>()
            .WithTools<GrowTool>()
            .WithTools<ConfirmTool>()
            .WithTools<ShapeShift>()
            .WithTools<FutureShape>()
            .WithResources<TestResources>()
            .WithPrompts<GreetPrompt>()
            .WithPrompts<InterviewPrompt>()
            .WithRequestFilters(filters =>
            {
                filters.AddCallToolFilter(InvocationCountingFilter.Create);
                filters.AddListToolsFilter(ShapeShift.Filter);
                filters.AddListPromptsFilter(PrivatePromptList.Filter);
                filters.AddListResourcesFilter(LoggedResourceList.Filter);
            })
            .WithMessageFilters(filters => filters.AddOutgoingFilter(FutureShape.Filter));
    }

    /// <summary>Resource subscriptions and the <c>touch</c> tool (see <see cref="ResourceSubscribers"/>).</summary>
    public static IMcpServerBuilder WithResourceSubscriptions(this IMcpServerBuilder server, bool stdio = false)
    {
        server.Services.AddSingleton(new ResourceSubscribers(stdio));
        return server
            .WithTools<ResourceSubscribers>()
            .WithSubscribeToResourcesHandler(ResourceSubscribers.SubscribeAsync)
            .WithUnsubscribeFromResourcesHandler(ResourceSubscribers.UnsubscribeAsync);
    }
}
