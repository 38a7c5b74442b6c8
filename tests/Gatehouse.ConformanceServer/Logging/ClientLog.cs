using System.Text.Json;
using Gatehouse.ConformanceServer.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Logging;

/// <summary>Sends <c>notifications/message</c> to the client, honouring the level it set with <c>logging/setLevel</c>.</summary>
internal static class ClientLog
{
    /// <remarks>
    /// Awaited, and sent through the request's own <see cref="McpServer"/>, so each message travels on the
    /// SSE response of the call that logs it and arrives before the call's result.
    /// </remarks>
    public static async Task SendAsync(McpServer server, LoggingLevel level, string message, CancellationToken cancellationToken)
    {
        if (server.LoggingLevel is { } minimum && level < minimum)
        {
            return;
        }

        var notification = new LoggingMessageNotificationParams
        {
            Level = level,
            Logger = ConformanceServerDefaults.LoggerName,
            Data = JsonSerializer.SerializeToElement(message),
        };
        await server.SendNotificationAsync(NotificationMethods.LoggingMessageNotification, notification, cancellationToken: cancellationToken);
    }
}
