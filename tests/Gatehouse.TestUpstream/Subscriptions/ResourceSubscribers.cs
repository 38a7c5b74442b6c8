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
[McpServerToolType]
internal sealed class ResourceSubscribers
{
    private readonly ConcurrentDictionary<(string Session, string Uri), byte> _subscribed = new();

    public static ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        Of(context.Services)._subscribed.TryAdd((SessionOf(context.Server), context.Params!.Uri), 0);
        return ValueTask.FromResult(new EmptyResult());
    }

    public static ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        Of(context.Services)._subscribed.TryRemove((SessionOf(context.Server), context.Params!.Uri), out _);
        return ValueTask.FromResult(new EmptyResult());
    }

    [McpServerTool(Name = "touch"), System.ComponentModel.Description("Tells every session subscribed to the URI that the resource was updated; returns how many were told.")]
    public static async Task<string> TouchAsync(ResourceSubscribers subscribers, OpenSessions sessions, [System.ComponentModel.Description("The resource URI.")] string uri)
    {
        var told = 0;
        foreach (var (session, _) in subscribers._subscribed.Keys.Where(key => key.Uri == uri))
        {
            if (sessions.TryGet(session, out var server))
            {
                await server.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification, new ResourceUpdatedNotificationParams { Uri = uri });
                told++;
            }
        }

        return told.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ResourceSubscribers Of(IServiceProvider? services) =>
        services?.GetRequiredService<ResourceSubscribers>() ?? throw new InvalidOperationException("The MCP server has no service provider.");

    private static string SessionOf(McpServer server) =>
        server.SessionId ?? throw new McpProtocolException("Subscriptions need a session (Mcp-Session-Id).", McpErrorCode.InvalidRequest);
}
