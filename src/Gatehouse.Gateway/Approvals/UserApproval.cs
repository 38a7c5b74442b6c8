using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Sessions;
using Gatehouse.Grains.Replies;
using ModelContextProtocol;
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

        var request = JsonSerializer.SerializeToNode(Question(call), McpJsonUtilities.DefaultOptions)!.AsObject();
        var result = await requests.AskAsync(server, new ReplyAddress(server.SessionId!, call.GrantId), RequestMethods.ElicitationCreate, request, cancellationToken);
        return Approves(result) ?? false;
    }

    /// <summary>What the user is asked (an elicitation form with one boolean), whichever way the agent is reached.</summary>
    public static ElicitRequestParams Question(ApprovalCall call) => new()
    {
        Message = $"The agent wants to call '{call.Tool}' on '{call.Upstream}' with the arguments {call.ArgumentsJson}. Allow it?",
        RequestedSchema = new ElicitRequestParams.RequestSchema
        {
            Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
            {
                [Field] = new ElicitRequestParams.BooleanSchema { Title = "Allow this call", Description = "Run the tool with these arguments once." },
            },
            Required = [Field],
        },
    };

    /// <summary>True to approve (accepted with <c>approve: true</c>), false otherwise; null when <paramref name="answer"/> is no elicitation result.</summary>
    public static bool? Approves(JsonNode? answer)
    {
        if (answer is not JsonObject result || result["action"] is not JsonValue action || !action.TryGetValue<string>(out var taken))
        {
            return null;
        }

        return taken == "accept" && result["content"] is JsonObject content && content[Field] is JsonValue approve && approve.TryGetValue<bool>(out var yes) && yes;
    }
}
