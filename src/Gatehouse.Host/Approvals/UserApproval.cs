using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Host.Approvals;

/// <summary>Asks the agent's own human (MCP elicitation) whether a call may run.</summary>
internal static class UserApproval
{
    private const string Field = "approve";

    /// <summary>True to approve, false to deny, null when the agent's client cannot ask its user.</summary>
    public static async Task<bool?> AskAsync(McpServer server, ApprovalCall call, CancellationToken cancellationToken)
    {
        if (server.ClientCapabilities?.Elicitation is null)
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
