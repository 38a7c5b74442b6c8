using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>What the elicitation tools share: the capability check and how an answer is reported.</summary>
internal static class Elicitation
{
    public static async Task<ElicitResult> AskAsync(
        McpServer server, string message, ElicitRequestParams.RequestSchema schema, CancellationToken cancellationToken)
    {
        if (server.ClientCapabilities?.Elicitation is null)
        {
            throw new McpException("The client does not support elicitation.");
        }

        return await server.ElicitAsync(new ElicitRequestParams { Message = message, RequestedSchema = schema }, cancellationToken);
    }

    public static string Describe(ElicitResult result) =>
        $"action={result.Action}, content={JsonSerializer.Serialize(result.Content ?? new Dictionary<string, JsonElement>())}";
}
