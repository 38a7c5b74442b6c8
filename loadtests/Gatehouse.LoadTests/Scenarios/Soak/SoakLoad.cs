using System.Diagnostics;
using System.Threading.Channels;
using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Scenarios.Shared;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>
/// Open loop at a fixed total rate: calls arrive every 1/rate seconds whatever the answers' speed, alternately for
/// the limited and the unlimited tool, each taken by the next free agent; latency counts from the arrival. An agent
/// whose session has had its calls closes it and opens the next before it takes another call.
/// </summary>
internal sealed class SoakLoad(IReadOnlyList<ChurningAgent> agents, double rate, CallLog limited, CallLog unlimited)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public async Task RunAsync(TimeSpan duration, CancellationToken stop)
    {
        var free = Channel.CreateUnbounded<ChurningAgent>();
        foreach (var agent in agents)
        {
            free.Writer.TryWrite(agent);
        }

        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var inFlight = new List<Task>();

        // Once no more calls arrive, an agent still trying to reopen its session gives up.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stop);
        try
        {
            for (long i = 0; ; i++)
            {
                var due = start + (long)(i * interval);
                if (due >= deadline || stop.IsCancellationRequested)
                {
                    break;
                }

                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, stop);
                }

                inFlight.Add(ArrivalAsync(free, i % 2 == 0, due, ending.Token));
                if (inFlight.Count > 4096)
                {
                    inFlight.RemoveAll(t => t.IsCompleted);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped early (a replica exited): the calls in flight finish below.
        }

        await ending.CancelAsync();
        await Task.WhenAll(inFlight);
        limited.Complete();
        unlimited.Complete();
    }

    private async Task ArrivalAsync(Channel<ChurningAgent> free, bool onLimited, long due, CancellationToken stop)
    {
        var agent = await free.Reader.ReadAsync(CancellationToken.None);
        try
        {
            if (agent.Current is not { } session)
            {
                return;
            }

            var (tool, arguments, log) = onLimited
                ? (MeteredLoadPolicy.LimitedTool, MeteredLoadPolicy.LimitedArguments, limited)
                : (MeteredLoadPolicy.UnlimitedTool, MeteredLoadPolicy.UnlimitedArguments, unlimited);
            log.Add(await ToolCaller.CallAsync(session, tool, arguments, due, CallTimeout));
            await agent.AfterCallAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Reopening was cut short at the end; the agent has no session to close.
        }
        finally
        {
            free.Writer.TryWrite(agent);
        }
    }
}
