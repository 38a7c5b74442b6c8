using System.Collections.Concurrent;
using Gatehouse.TestUpstream.Sessions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Subscriptions;

/// <summary>
/// Resource subscriptions (<c>--subscriptions</c>): which sessions subscribed to which URI, and the <c>touch</c> tool that
/// tells them of an update on their own streams, so tests can make an update happen when they choose.
/// </summary>
/// <param name="stdio">Whether the server runs over stdio, where its one session has no id.</param>
[McpServerToolType]
internal sealed class ResourceSubscribers(bool stdio)
{
    /// <summary>What stands for the session of a stdio server, which has one and no id for it.</summary>
    private const string StdioSession = "stdio";

    private readonly ConcurrentDictionary<(string Session, string Uri), byte> _subscribed = new();

    public static ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        var subscribers = Of(context.Services);
        subscribers._subscribed.TryAdd((subscribers.SessionOf(context.Server), context.Params!.Uri), 0);
        return ValueTask.FromResult(new EmptyResult());
    }

    public static ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        var subscribers = Of(context.Services);
        subscribers._subscribed.TryRemove((subscribers.SessionOf(context.Server), context.Params!.Uri), out _);
        return ValueTask.FromResult(new EmptyResult());
    }

    [McpServerTool(Name = "touch"), System.ComponentModel.Description("Tells every session subscribed to the URI that the resource was updated; returns how many were told.")]
    public static async Task<string> TouchAsync(ResourceSubscribers subscribers, OpenSessions sessions, McpServer current, [System.ComponentModel.Description("The resource URI.")] string uri)
    {
        var told = 0;
        foreach (var (session, _) in subscribers._subscribed.Keys.Where(key => key.Uri == uri))
        {
            if (session == StdioSession ? current is var server : sessions.TryGet(session, out server))
            {
                await server.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification, new ResourceUpdatedNotificationParams { Uri = uri });
                told++;
            }
        }

        return told.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ResourceSubscribers Of(IServiceProvider? services) =>
        services?.GetRequiredService<ResourceSubscribers>() ?? throw new InvalidOperationException("The MCP server has no service provider.");

    private string SessionOf(McpServer server) =>
        server.SessionId
        ?? (stdio ? StdioSession : null)
        ?? throw new McpProtocolException("Subscriptions need a session (Mcp-Session-Id).", McpErrorCode.InvalidRequest);
}
