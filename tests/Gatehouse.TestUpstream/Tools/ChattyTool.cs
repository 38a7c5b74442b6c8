using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Gatehouse.TestUpstream.Logging;

// MCP9005: logging is deprecated from 2026-07-28 on (SEP-2577); an upstream on 2025-11-25, as this one is to Gatehouse,
// still logs, and what Gatehouse makes of that for agents of both generations is what this tool is for.
#pragma warning disable MCP9005

namespace Gatehouse.TestUpstream.Tools;

/// <summary>
/// A tool that tells the client what it does while it runs: a log message at each of four levels (those at or above
/// the session's <c>logging/setLevel</c>, none before one was set) and a progress notification when asked, before and,
/// when it asks the client to go on, after the client's answer. Each notification is awaited, so all are ahead of the
/// result on the wire.
/// </summary>
[McpServerToolType]
internal sealed class ChattyTool
{
    private static readonly LoggingLevel[] Told = [LoggingLevel.Debug, LoggingLevel.Info, LoggingLevel.Warning, LoggingLevel.Error];

    [McpServerTool(Name = "chatty")]
    [Description("Logs 'before: {level}' at debug, info, warning and error (as the session's level admits) with progress 1 of 2; with ask=true asks the client (elicitation) whether to go on, then logs 'after: {level}' with progress 2 of 2. Returns 'chatted', or 'stopped' when the client declines.")]
    public static async Task<string> ChattyAsync(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        [Description("Whether to ask the client to go on between the two halves.")] bool ask = false,
        CancellationToken cancellationToken = default)
    {
        await TellAsync(server, context, "before", 1, cancellationToken);
        if (ask)
        {
            var answer = await server.ElicitAsync(
                new ElicitRequestParams
                {
                    Message = "Go on?",
                    RequestedSchema = new() { Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition> { ["ok"] = new ElicitRequestParams.BooleanSchema() } },
                },
                cancellationToken);
            if (answer.Action != "accept")
            {
                return "stopped";
            }
        }

        await TellAsync(server, context, "after", 2, cancellationToken);
        return "chatted";
    }

    private static async Task TellAsync(McpServer server, RequestContext<CallToolRequestParams> context, string half, int step, CancellationToken cancellationToken)
    {
        foreach (var level in Told)
        {
            await ClientLog.SendAsync(server, context.JsonRpcRequest, level, "chatty", $"{half}: {level.ToString().ToLowerInvariant()}", cancellationToken);
        }

        if (context.Params?.ProgressToken is { } token)
        {
            await server.NotifyProgressAsync(token, new ProgressNotificationValue { Progress = step, Total = 2, Message = half }, cancellationToken: cancellationToken);
        }
    }
}
