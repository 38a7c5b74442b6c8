using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Subscriptions;

/// <summary><c>resources/subscribe</c> and <c>resources/unsubscribe</c> (scenarios resources-subscribe, resources-unsubscribe).</summary>
internal static class SubscriptionHandlers
{
    public static ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        var (subscriptions, sessionId) = Resolve(context);
        subscriptions.Add(sessionId, RequireUri(context.Params?.Uri));
        return ValueTask.FromResult(new EmptyResult());
    }

    public static ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        var (subscriptions, sessionId) = Resolve(context);
        subscriptions.Remove(sessionId, RequireUri(context.Params?.Uri));
        return ValueTask.FromResult(new EmptyResult());
    }

    private static (ResourceSubscriptions Subscriptions, string SessionId) Resolve<TParams>(RequestContext<TParams> context)
    {
        // Notifications of a change can only reach a client that has a session to send them on.
        var sessionId = context.Server.SessionId
            ?? throw new McpProtocolException("Subscriptions need a session (Mcp-Session-Id).", McpErrorCode.InvalidRequest);
        var services = context.Services ?? context.Server.Services
            ?? throw new InvalidOperationException("The MCP server has no service provider.");
        return (services.GetRequiredService<ResourceSubscriptions>(), sessionId);
    }

    private static string RequireUri(string? uri) =>
        string.IsNullOrEmpty(uri) ? throw new McpProtocolException("Missing required argument 'uri'.", McpErrorCode.InvalidParams) : uri;
}
