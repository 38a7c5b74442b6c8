using System.Text.Json.Nodes;
using Gatehouse.Grains.Replies;
using Gatehouse.Upstreams;
using ModelContextProtocol;

namespace Gatehouse.Gateway.Sessions;

/// <summary>
/// Asks and tells one agent session on behalf of its upstream session: on the response stream of the
/// agent's newest request in flight on this replica, else on the session's own stream.
/// </summary>
internal sealed class AgentCallbacks(AgentSessionState session, ReplyAddress address, AgentRequests requests) : IAgentCallbacks
{
    public Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        var target = session.Target
            ?? throw new McpProtocolException($"The agent cannot be asked for {method}: it has no open stream on this replica.", McpErrorCode.InternalError);
        return requests.AskAsync(target, address, method, parameters, cancellationToken);
    }

    public Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
        session.Target?.SendMessageAsync(new ModelContextProtocol.Protocol.JsonRpcNotification { Method = method, Params = parameters }, cancellationToken) ?? Task.CompletedTask;
}
