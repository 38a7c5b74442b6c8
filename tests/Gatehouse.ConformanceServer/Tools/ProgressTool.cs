using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>A tool that reports progress 0, 50, 100 of 100 (scenario tools-call-with-progress).</summary>
[McpServerToolType]
internal sealed class ProgressTool
{
    private const int Total = 100;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    [McpServerTool(Name = "test_tool_with_progress"), Description("Reports progress 0/100, 50/100 and 100/100, 50 ms apart, when the request carries a progress token.")]
    public static async Task<string> ToolWithProgressAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        var token = context.Params?.ProgressToken;
        int[] steps = [0, 50, Total];
        for (var i = 0; i < steps.Length; i++)
        {
            if (i > 0)
            {
                await Task.Delay(Pause, cancellationToken);
            }

            // Awaited rather than IProgress<T>.Report, which does not wait: every notification is on the
            // wire before the result.
            if (token is { } progressToken)
            {
                var value = new ProgressNotificationValue { Progress = steps[i], Total = Total };
                await context.Server.NotifyProgressAsync(progressToken, value, cancellationToken: cancellationToken);
            }
        }

        return token is null ? "Progress tool finished (no progress token was given)." : "Progress tool finished.";
    }
}
