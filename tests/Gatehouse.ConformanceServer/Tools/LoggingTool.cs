using System.ComponentModel;
using Gatehouse.ConformanceServer.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>A tool that logs to the client while it runs (scenario tools-call-with-logging).</summary>
[McpServerToolType]
internal sealed class LoggingTool
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    [McpServerTool(Name = "test_tool_with_logging"), Description("Sends three info log notifications, 50 ms apart, while it runs.")]
    public static async Task<string> ToolWithLoggingAsync(McpServer server, CancellationToken cancellationToken)
    {
        await ClientLog.SendAsync(server, LoggingLevel.Info, "Tool execution started", cancellationToken);
        await Task.Delay(Pause, cancellationToken);
        await ClientLog.SendAsync(server, LoggingLevel.Info, "Tool processing data", cancellationToken);
        await Task.Delay(Pause, cancellationToken);
        await ClientLog.SendAsync(server, LoggingLevel.Info, "Tool execution completed", cancellationToken);
        return "Tool with logging executed successfully";
    }
}
