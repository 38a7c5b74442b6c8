using System.Text.Json.Nodes;
using Gatehouse.Gateway.Sessions;
using Gatehouse.Grains.Replies;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Approvals;

/// <summary>Asks the agent's own human (MCP elicitation) whether a call may run.</summary>
internal sealed class UserApproval(AgentRequests requests)
{
    private const string Field = "approve";

    /// <summary>
    /// Whether the agent can be asked: its client declared elicitation, and it has a session to
    /// answer on (a 2026-07-28 agent is asked differently, with an <c>input_required</c> result).
    /// </summary>
    public static bool CanAsk(McpServer server) => server.ClientCapabilities?.Elicitation is not null && server.SessionId is not null;

    /// <summary>True to approve, false to deny, null when the agent's client cannot ask its user.</summary>
    public async Task<bool?> AskAsync(McpServer server, ApprovalCall call, CancellationToken cancellationToken)
    {
        if (!CanAsk(server))
        {
            return null;
        }

        var request = new JsonObject
        {
            ["message"] = $"The agent wants to call '{call.Tool}' on '{call.Upstream}' with the arguments {call.ArgumentsJson}. Allow it?",
            ["requestedSchema"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    [Field] = new JsonObject { ["type"] = "boolean", ["title"] = "Allow this call", ["description"] = "Run the tool with these arguments once." },
                },
                ["required"] = new JsonArray(Field),
            },
        };
        var result = await requests.AskAsync(server, new ReplyAddress(server.SessionId!, call.GrantId), RequestMethods.ElicitationCreate, request, cancellationToken);
        return result?["action"] is JsonValue action && action.TryGetValue<string>(out var accepted) && accepted == "accept"
            && result["content"]?[Field] is JsonValue approve && approve.TryGetValue<bool>(out var yes) && yes;
    }
}
