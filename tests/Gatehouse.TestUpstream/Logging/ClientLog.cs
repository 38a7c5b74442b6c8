using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// MCP9005: logging is deprecated from 2026-07-28 on (SEP-2577); an upstream on 2025-11-25, as this one is to Gatehouse,
// still logs, and what Gatehouse makes of that for agents of both generations is what the test upstream logs for.
#pragma warning disable MCP9005

namespace Gatehouse.TestUpstream.Logging;

/// <summary>
/// Log messages to the client, at or above a level it set: a 2025 session's (<c>logging/setLevel</c>; none before one was
/// set), or a 2026-07-28 request's own (<c>_meta</c> <c>io.modelcontextprotocol/logLevel</c>; none without one).
/// </summary>
internal static class ClientLog
{
    /// <summary>Sends <paramref name="text"/> at <paramref name="level"/> when the request's or session's level admits it; awaited, so it is ahead of the result.</summary>
    public static async Task SendAsync(McpServer server, JsonRpcRequest request, LoggingLevel level, string logger, string text, CancellationToken cancellationToken)
    {
        var threshold = request.Context?.ProtocolVersion is { } revision && string.CompareOrdinal(revision, "2026-07-28") >= 0
            ? request.Context.LogLevel
            : server.LoggingLevel;
        if (threshold is { } admitted && level >= admitted)
        {
            var message = new LoggingMessageNotificationParams { Level = level, Logger = logger, Data = JsonSerializer.SerializeToElement(text) };
            await server.SendNotificationAsync(NotificationMethods.LoggingMessageNotification, message, cancellationToken: cancellationToken);
        }
    }
}
