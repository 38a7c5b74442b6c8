using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Front;
using Gatehouse.Grains.Upstreams;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Subscriptions;

/// <summary>
/// A 2025 agent session's stream of unsolicited messages at an upstream that speaks only 2026-07-28, which has no session
/// to hold such a stream: while the agent's stream is open on this replica, a <c>subscriptions/listen</c> for every list
/// change the upstream announces is held upstream in the session's name (its <c>clientInfo</c> and capabilities), and each
/// change it brings reaches the agent as the 2025 notification it is, without the listen's tag. Requests go on the shared
/// channel (none are made here: this stands for the stream only).
/// </summary>
internal sealed class SessionlessStream(IUpstreamChannel shared, StatelessListen? listen) : IUpstreamChannel, IAsyncDisposable
{
    public string Name => shared.Name;

    /// <summary>Opens the stream: the listen is held once the upstream acknowledged it (none when the upstream announces no list changes).</summary>
    /// <exception cref="UpstreamException">The upstream is unreachable, refused the listen, or did not acknowledge it in its connect timeout.</exception>
    public static async Task<SessionlessStream> OpenAsync(
        IUpstreamChannel shared, StatelessUpstreamClient client, UpstreamOptions options, InitializeRequestParams? session, IAgentCallbacks agent)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.ConnectTimeoutSeconds));
        try
        {
            var asked = ListChangesOf(await shared.GetInfoAsync(timeout.Token));
            return asked.Count == 0
                ? new SessionlessStream(shared, null)
                : new SessionlessStream(shared, await StatelessListen.OpenAsync(
                    client, shared.Name, options, asked, session?.Capabilities, session?.ClientInfo, new Untagged(agent), timeout.Token));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new UpstreamException(UpstreamFrameKind.TimedOut, shared.Name, $"Upstream '{shared.Name}' did not acknowledge subscriptions/listen within {options.ConnectTimeoutSeconds} s.");
        }
    }

    public Task<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken) => shared.GetInfoAsync(cancellationToken);

    public Task<JsonNode?> SendAsync(string method, JsonObject? parameters, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken) =>
        shared.SendAsync(method, parameters, onProgress, cancellationToken);

    public ValueTask DisposeAsync() => listen?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>The listen's <c>notifications</c>: every list change the upstream announces.</summary>
    private static JsonObject ListChangesOf(UpstreamInfo info)
    {
        var served = JsonSerializer.Deserialize<ServerCapabilities>(info.CapabilitiesJson, McpJsonUtilities.DefaultOptions);
        var asked = new JsonObject();
        if (served?.Tools?.ListChanged == true)
        {
            asked["toolsListChanged"] = true;
        }

        if (served?.Prompts?.ListChanged == true)
        {
            asked["promptsListChanged"] = true;
        }

        if (served?.Resources?.ListChanged == true)
        {
            asked["resourcesListChanged"] = true;
        }

        return asked;
    }

    /// <summary>Passes the listen's notifications on without its tag, which means nothing to a 2025 agent.</summary>
    private sealed class Untagged(IAgentCallbacks agent) : IAgentCallbacks
    {
        public Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
            throw new McpProtocolException($"A listen has no agent to ask for {method}.", McpErrorCode.MethodNotFound);

        public Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
            agent.NotifyAsync(method, ParamsMeta.Without(parameters, MetaKeys.SubscriptionId), cancellationToken);
    }
}
