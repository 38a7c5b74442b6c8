using System.Text.Json;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Host.Front;


/// <summary>
/// Gives each MCP session (and each sessionless request) the handlers of the upstream its URL names,
/// and presents the upstream's own identity, instructions and capabilities to the agent.
/// </summary>
internal sealed partial class SessionConfigurator(UpstreamFronts fronts, ILogger<SessionConfigurator> logger)
{
    public async Task ConfigureAsync(HttpContext httpContext, McpServerOptions options, CancellationToken cancellationToken)
    {
        var upstream = RouteValues.UpstreamOf(httpContext);
        if (upstream is null || !fronts.TryGet(upstream, out var front))
        {
            throw new InvalidOperationException("The MCP route guard lets only configured upstreams through.");
        }

        var capabilities = await DescribeAsync(front, options, cancellationToken);
        var handlers = options.Handlers;
        if (capabilities.Tools is not null)
        {
            handlers.ListToolsHandler = front.ListToolsAsync;
            handlers.CallToolHandler = front.CallToolAsync;
        }

        if (capabilities.Resources is not null)
        {
            handlers.ListResourcesHandler = front.ListResourcesAsync;
            handlers.ListResourceTemplatesHandler = front.ListResourceTemplatesAsync;
            handlers.ReadResourceHandler = front.ReadResourceAsync;
            if (capabilities.Resources.Subscribe == true)
            {
                handlers.SubscribeToResourcesHandler = front.SubscribeAsync;
                handlers.UnsubscribeFromResourcesHandler = front.UnsubscribeAsync;
            }
        }

        if (capabilities.Logging is not null)
        {
            handlers.SetLoggingLevelHandler = front.SetLoggingLevelAsync;
        }

        if (capabilities.Prompts is not null)
        {
            handlers.ListPromptsHandler = front.ListPromptsAsync;
            handlers.GetPromptHandler = front.GetPromptAsync;
        }

        if (capabilities.Completions is not null)
        {
            handlers.CompleteHandler = front.CompleteAsync;
        }
    }

    /// <summary>
    /// Copies the upstream's identity and the capabilities Gatehouse can serve. When the upstream
    /// cannot be reached the session still opens, offering tools, resources and prompts, and each
    /// request then reports the upstream's state.
    /// </summary>
    private async Task<ServerCapabilities> DescribeAsync(UpstreamFront front, McpServerOptions options, CancellationToken cancellationToken)
    {
        ServerCapabilities upstream;
        try
        {
            var info = await front.Channel.GetInfoAsync(cancellationToken);
            upstream = JsonSerializer.Deserialize<ServerCapabilities>(info.CapabilitiesJson, McpJsonUtilities.DefaultOptions) ?? new ServerCapabilities();
            options.ServerInfo = JsonSerializer.Deserialize<Implementation>(info.ServerInfoJson, McpJsonUtilities.DefaultOptions);
            options.ServerInstructions = info.Instructions;
        }
        catch (UpstreamException ex)
        {
            Log.UpstreamUndescribed(logger, front.Upstream, ex.Message);
            upstream = new ServerCapabilities { Tools = new(), Resources = new(), Prompts = new() };
        }

        // What Gatehouse relays: lists (with their change notifications), subscriptions, completion, logging.
        options.Capabilities = new ServerCapabilities
        {
            Tools = upstream.Tools is null ? null : new ToolsCapability { ListChanged = upstream.Tools.ListChanged },
            Resources = upstream.Resources is null ? null : new ResourcesCapability { ListChanged = upstream.Resources.ListChanged, Subscribe = upstream.Resources.Subscribe },
            Prompts = upstream.Prompts is null ? null : new PromptsCapability { ListChanged = upstream.Prompts.ListChanged },
            Completions = upstream.Completions is null ? null : new CompletionsCapability(),
            Logging = upstream.Logging is null ? null : new LoggingCapability(),
        };
        return options.Capabilities;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Opening a session for {Upstream} without its description: {Reason}")]
        public static partial void UpstreamUndescribed(ILogger logger, string upstream, string reason);
    }
}
