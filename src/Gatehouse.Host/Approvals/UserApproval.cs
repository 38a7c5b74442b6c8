using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Host.Approvals;

/// <summary>Asks the agent's own human (MCP elicitation) whether a call may run.</summary>
internal static class UserApproval
{
    private const string Field = "approve";

    /// <summary>Whether the agent's client declared it can ask its user (elicitation).</summary>
    public static bool CanAsk(McpServer server) => server.ClientCapabilities?.Elicitation is not null;

    /// <summary>True to approve, false to deny, null when the agent's client cannot ask its user.</summary>
    public static async Task<bool?> AskAsync(McpServer server, ApprovalCall call, CancellationToken cancellationToken)
    {
        if (!CanAsk(server))
        {
            return null;
        }

        var result = await server.ElicitAsync(
            new ElicitRequestParams
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
            },
            cancellationToken);

        return result.Action == "accept"
            && result.Content?.TryGetValue(Field, out var approve) == true
            && approve.ValueKind == JsonValueKind.True;
    }
}
