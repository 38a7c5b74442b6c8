using System.ComponentModel;
using Gatehouse.ConformanceServer.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>
/// Tools that log to the client while they run: <c>test_tool_with_logging</c> (scenario tools-call-with-logging) and
/// <c>test_logging_tool</c> (scenario server-stateless: no <c>notifications/message</c> for a 2026-07-28 request
/// whose <c>_meta</c> sets no log level).
/// </summary>
[McpServerToolType]
internal sealed class LoggingTool
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    [McpServerTool(Name = "test_tool_with_logging"), Description("Sends three info log notifications, 50 ms apart, while it runs.")]
    public static async Task<string> ToolWithLoggingAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        await LogThreeAsync(context, cancellationToken);
        return "Tool with logging executed successfully";
    }

    [McpServerTool(Name = "test_logging_tool"), Description("Sends three info log notifications, 50 ms apart, when the client's log level allows them (on 2026-07-28 only when the request's _meta sets one).")]
    public static async Task<string> LoggingToolAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        await LogThreeAsync(context, cancellationToken);
        return "Logging tool executed successfully";
    }

    private static async Task LogThreeAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        await ClientLog.SendAsync(context, LoggingLevel.Info, "Tool execution started", cancellationToken);
        await Task.Delay(Pause, cancellationToken);
        await ClientLog.SendAsync(context, LoggingLevel.Info, "Tool processing data", cancellationToken);
        await Task.Delay(Pause, cancellationToken);
        await ClientLog.SendAsync(context, LoggingLevel.Info, "Tool execution completed", cancellationToken);
    }
}
