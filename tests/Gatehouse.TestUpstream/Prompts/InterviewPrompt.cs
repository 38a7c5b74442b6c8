using System.ComponentModel;
using Gatehouse.TestUpstream.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// MCP9005: logging is deprecated from 2026-07-28 on (SEP-2577); see ClientLog.
#pragma warning disable MCP9005

namespace Gatehouse.TestUpstream.Prompts;

/// <summary>A prompt that asks the client while it is made: what a 2025 server may do during any request, not only a tool call.</summary>
[McpServerPromptType]
internal sealed class InterviewPrompt
{
    [McpServerPrompt(Name = "interview"), Description("Logs 'interviewing' at info, asks the client (elicitation, string 'name') whom to greet, then asks the model to greet them ('nobody' when declined).")]
    public static async Task<string> InterviewAsync(McpServer server, RequestContext<GetPromptRequestParams> context, CancellationToken cancellationToken)
    {
        await ClientLog.SendAsync(server, context.JsonRpcRequest, LoggingLevel.Info, "interview", "interviewing", cancellationToken);
        var answer = await server.ElicitAsync(
            new ElicitRequestParams
            {
                Message = "Whom to greet?",
                RequestedSchema = new() { Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition> { ["name"] = new ElicitRequestParams.StringSchema() } },
            },
            cancellationToken);
        var name = answer.Action == "accept" && answer.Content?.TryGetValue("name", out var given) == true ? given.GetString() : null;
        return $"Say hello to {name ?? "nobody"}.";
    }
}
