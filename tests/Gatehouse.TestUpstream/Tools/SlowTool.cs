using System.ComponentModel;
using Gatehouse.TestUpstream.Invocations;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

[McpServerToolType]
internal sealed class SlowTool
{
    [McpServerTool(Name = "slow")]
    [Description("Works for steps × delayMs milliseconds, reporting progress after each step when the caller asked for it.")]
    public static async Task<string> SlowAsync(
        RequestContext<CallToolRequestParams> context,
        InvocationCounter invocations,
        [Description("How many steps to take.")] int steps = 3,
        [Description("Milliseconds to wait before each step's progress notification.")] int delayMs = 100,
        CancellationToken cancellationToken = default)
    {
        // Awaiting each notification (rather than IProgress<T>.Report, which does not wait) keeps every
        // notification ahead of the result on the wire, which the progress tests rely on.
        var progressToken = context.Params?.ProgressToken;
        try
        {
            for (var step = 1; step <= steps; step++)
            {
                await Task.Delay(delayMs, cancellationToken);
                if (progressToken is { } token)
                {
                    var progress = new ProgressNotificationValue { Progress = step, Total = steps, Message = $"step {step} of {steps}" };
                    await context.Server.NotifyProgressAsync(token, progress, cancellationToken: cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Counted so tests can see that a cancellation reached the upstream.
            invocations.Record("slow:cancelled");
            throw;
        }

        return $"done after {steps} steps";
    }
}
