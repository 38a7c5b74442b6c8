using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// MCP9005: logging is deprecated from 2026-07-28 on (SEP-2577); an upstream on 2025-11-25, as this one is to Gatehouse,
// still logs, and what Gatehouse makes of that for agents of both generations is what the test upstream logs for.
#pragma warning disable MCP9005

namespace Gatehouse.TestUpstream.Logging;

/// <summary>Log messages to the client, as a 2025 server sends them: only once the session set a level, and at or above it.</summary>
internal static class ClientLog
{
    /// <summary>Sends <paramref name="text"/> at <paramref name="level"/> when the session's level admits it; awaited, so it is ahead of the result.</summary>
    public static async Task SendAsync(McpServer server, LoggingLevel level, string logger, string text, CancellationToken cancellationToken)
    {
        if (server.LoggingLevel is { } threshold && level >= threshold)
        {
            var message = new LoggingMessageNotificationParams { Level = level, Logger = logger, Data = JsonSerializer.SerializeToElement(text) };
            await server.SendNotificationAsync(NotificationMethods.LoggingMessageNotification, message, cancellationToken: cancellationToken);
        }
    }
}
