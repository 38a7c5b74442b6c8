using System.Text.Json;
using Gatehouse.ConformanceServer.Hosting;
using Gatehouse.ConformanceServer.Requests;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Logging;

/// <summary>
/// Sends <c>notifications/message</c> to the client, honouring the level it set: with <c>logging/setLevel</c> on the
/// 2025 revisions, with the request's <c>_meta</c> log level on 2026-07-28 (no level there, no messages).
/// </summary>
internal static class ClientLog
{
    /// <remarks>
    /// Awaited, and sent through the request's own <see cref="McpServer"/>, so each message travels on the
    /// SSE response of the call that logs it and arrives before the call's result.
    /// </remarks>
    public static async Task SendAsync<TParams>(
        RequestContext<TParams> context, LoggingLevel level, string message, CancellationToken cancellationToken)
    {
        if (!ClientRequest.AllowsLog(context, level))
        {
            return;
        }

        var notification = new LoggingMessageNotificationParams
        {
            Level = level,
            Logger = ConformanceServerDefaults.LoggerName,
            Data = JsonSerializer.SerializeToElement(message),
        };
        await context.Server.SendNotificationAsync(NotificationMethods.LoggingMessageNotification, notification, cancellationToken: cancellationToken);
    }
}
