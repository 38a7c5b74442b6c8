using System.Text.Json;
using Gatehouse.Gateway.Front.Aggregate;
using Gatehouse.Gateway.Routing;
using Gatehouse.Grains.Upstreams;
using Gatehouse.Policy.Naming;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front;

/// <summary>
/// Gives each MCP session (and each sessionless request) its route: the upstream its URL names,
/// presenting the upstream's own identity, instructions and capabilities; or, on <c>/mcp</c>, the
/// aggregate of the grant's upstreams, with their capabilities merged. The route answers what the endpoint
/// forwards (see <see cref="ForwardingFilter"/>).
/// </summary>
internal sealed partial class SessionConfigurator(UpstreamFronts fronts, AggregateFront aggregate, ForwardingFilter forwarding, Subscriptions.ListenBridge listens, UpstreamCatalog catalog, ILogger<SessionConfigurator> logger)
{
    public async Task ConfigureAsync(HttpContext httpContext, McpServerOptions options, CancellationToken cancellationToken)
    {
        var upstream = RouteValues.UpstreamOf(httpContext);
        if (upstream is null)
        {
            await ConfigureAggregateAsync(httpContext, options, cancellationToken);
            return;
        }

        if (!fronts.TryGet(upstream, out var front))
        {
            throw new InvalidOperationException("The MCP route guard lets only configured upstreams through.");
        }

        var info = await DescribeAsync(front, cancellationToken);
        options.ServerInfo = info is null ? null : JsonSerializer.Deserialize<Implementation>(info.ServerInfoJson, McpJsonUtilities.DefaultOptions);
        options.ServerInstructions = info?.Instructions;
        options.Capabilities = Served(CapabilitiesOf(info));

        // Tasks are not modelled by the SDK: forwarded, and added to the initialize answer, as the upstream offers them.
        var methods = OfferTasks(options, Tasks.TaskCapability.Of(info?.CapabilitiesJson));
        options.Filters.Message.IncomingFilters.Add(forwarding.For(front, methods));

        if (catalog.Get(upstream).IsSessionless)
        {
            options.Filters.Message.OutgoingFilters.Add(NoSubscribeFor2025);
        }

        // A 2026-07-28 agent's subscriptions/listen (the SDK reaches it on that revision only).
        var served = options.Capabilities;
        options.Handlers.SubscriptionsListenHandler = (request, cancellationToken) => listens.ListenAsync(upstream, served, request, cancellationToken);
    }

    /// <summary><c>/mcp</c>: one server for every upstream the grant may use, capabilities merged.</summary>
    private async Task ConfigureAggregateAsync(HttpContext httpContext, McpServerOptions options, CancellationToken cancellationToken)
    {
        var members = aggregate.FrontsOf(httpContext.User);
        var infos = await Task.WhenAll(members.Select(front => DescribeAsync(front, cancellationToken)));
        var each = infos.Select(CapabilitiesOf).ToList();
        options.ServerInfo = new Implementation { Name = "gatehouse", Version = typeof(SessionConfigurator).Assembly.GetName().Version?.ToString() ?? "0" };
        var instructions = string.Join("\n\n", members.Zip(infos)
            .Where(pair => !string.IsNullOrWhiteSpace(pair.Second?.Instructions))
            .Select(pair => $"[{pair.First.Upstream}] (its tools and prompts are named {pair.First.Upstream}{AggregateNames.Separator}…)\n{pair.Second!.Instructions}"));
        options.ServerInstructions = instructions.Length > 0 ? instructions : null;
        options.Capabilities = new ServerCapabilities
        {
            Tools = each.Any(c => c.Tools is not null) ? new ToolsCapability { ListChanged = each.Any(c => c.Tools?.ListChanged == true) } : null,
            Resources = each.Any(c => c.Resources is not null)
                ? new ResourcesCapability { ListChanged = each.Any(c => c.Resources?.ListChanged == true), Subscribe = each.Any(c => c.Resources?.Subscribe == true) }
                : null,
            Prompts = each.Any(c => c.Prompts is not null) ? new PromptsCapability { ListChanged = each.Any(c => c.Prompts?.ListChanged == true) } : null,
            Completions = each.Any(c => c.Completions is not null) ? new CompletionsCapability() : null,
            Logging = each.Any(c => c.Logging is not null) ? new LoggingCapability() : null,
        };

        if (options.Capabilities.Resources?.Subscribe == true
            && members.Zip(each).All(member => member.Second.Resources?.Subscribe != true || catalog.Get(member.First.Upstream).IsSessionless))
        {
            options.Filters.Message.OutgoingFilters.Add(NoSubscribeFor2025);
        }

        // The tasks of the grant's upstreams, named {upstream}__{taskId} (see AggregateFront).
        var methods = OfferTasks(options, Tasks.TaskCapability.Merge(infos.Select(info => Tasks.TaskCapability.Of(info?.CapabilitiesJson))));
        options.Filters.Message.IncomingFilters.Add(forwarding.For(aggregate, methods));

        // A 2026-07-28 agent's subscriptions/listen: on each of the grant's upstreams.
        var served = members.Select(front => front.Upstream).Zip(each.Select(Served)).ToList();
        options.Handlers.SubscriptionsListenHandler = (request, cancellationToken) => listens.ListenAggregateAsync(served, request, cancellationToken);
    }

    /// <summary>
    /// The methods the endpoint forwards: those of its capabilities, and the tasks it offers, to 2025-11-25 agents in the
    /// <c>initialize</c> answer and to 2026-07-28 agents as the tasks extension (when tasks are made of tool calls).
    /// </summary>
    private static HashSet<string> OfferTasks(McpServerOptions options, Tasks.TaskCapability? tasks)
    {
        var methods = new HashSet<string>(ForwardingFilter.MethodsFor(options.Capabilities!), StringComparer.Ordinal);
        if (tasks is null)
        {
            return methods;
        }

        methods.UnionWith(tasks.Methods);
        options.Filters.Message.IncomingFilters.Add(tasks.NoteInitialize);
        options.Filters.Message.OutgoingFilters.Add(tasks.Advertise);
        if (tasks.CreatedByToolCalls)
        {
            methods.Add(Tasks.TaskExtension.UpdateMethod);
            options.Capabilities!.Extensions = new Dictionary<string, object> { [Tasks.TaskExtension.Name] = new System.Text.Json.Nodes.JsonObject() };
        }

        return methods;
    }

    /// <summary>
    /// Leaves <c>resources.subscribe</c> out of the answer to a 2025 agent's <c>initialize</c> (the only answer with a
    /// <c>protocolVersion</c>): its <c>resources/subscribe</c> needs an upstream session to hold the subscription, and an
    /// upstream that speaks only 2026-07-28 has none (there, subscriptions are a 2026 listen's, which
    /// <c>server/discover</c> still offers).
    /// </summary>
    private static McpMessageFilter NoSubscribeFor2025 => next => (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcResponse { Result: System.Text.Json.Nodes.JsonObject result }
            && result.ContainsKey("protocolVersion")
            && result["capabilities"]?["resources"] is System.Text.Json.Nodes.JsonObject resources)
        {
            resources.Remove("subscribe");
        }

        return next(context, cancellationToken);
    };

    /// <summary>What the upstream said about itself, or null when it cannot be reached now.</summary>
    private async Task<UpstreamInfo?> DescribeAsync(UpstreamFront front, CancellationToken cancellationToken)
    {
        try
        {
            return await front.Channel.GetInfoAsync(cancellationToken);
        }
        catch (UpstreamException ex)
        {
            Log.UpstreamUndescribed(logger, front.Upstream, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// The upstream's capabilities; when it cannot be reached the session still opens, offering tools,
    /// resources and prompts, and each request then reports the upstream's state.
    /// </summary>
    private static ServerCapabilities CapabilitiesOf(UpstreamInfo? info) =>
        info is null
            ? new ServerCapabilities { Tools = new(), Resources = new(), Prompts = new() }
            : JsonSerializer.Deserialize<ServerCapabilities>(info.CapabilitiesJson, McpJsonUtilities.DefaultOptions) ?? new ServerCapabilities();

    /// <summary>What Gatehouse relays of an upstream's capabilities: lists (with their change notifications), subscriptions, completion, logging.</summary>
    private static ServerCapabilities Served(ServerCapabilities upstream) => new()
    {
        Tools = upstream.Tools is null ? null : new ToolsCapability { ListChanged = upstream.Tools.ListChanged },
        Resources = upstream.Resources is null ? null : new ResourcesCapability { ListChanged = upstream.Resources.ListChanged, Subscribe = upstream.Resources.Subscribe },
        Prompts = upstream.Prompts is null ? null : new PromptsCapability { ListChanged = upstream.Prompts.ListChanged },
        Completions = upstream.Completions is null ? null : new CompletionsCapability(),
        Logging = upstream.Logging is null ? null : new LoggingCapability(),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Opening a session for {Upstream} without its description: {Reason}")]
        public static partial void UpstreamUndescribed(ILogger logger, string upstream, string reason);
    }
}
