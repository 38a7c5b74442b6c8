using System.Diagnostics;
using System.Threading.Channels;

namespace Gatehouse.LoadTests.Agents;

/// <summary>Drives agents through a <see cref="LoadPlan"/>, closed loop or open loop, recording every call in a <see cref="CallLog"/>.</summary>
internal static class LoadRunner
{
    /// <param name="agents">The sessions to call through.</param>
    /// <param name="plan">What to call, how long, how fast.</param>
    /// <param name="log">Where each call is recorded; completed when the phase ends.</param>
    /// <param name="afterCall">Runs after each recorded call (e.g. to kill a replica at the right moment); may wait.</param>
    /// <param name="stop">Ends the phase before its duration or count: no new calls, those in flight finish.</param>
    public static async Task RunAsync(IReadOnlyList<Agent> agents, LoadPlan plan, CallLog log, Func<CallRecord, ValueTask>? afterCall = null, CancellationToken stop = default)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(plan.Duration.TotalSeconds * Stopwatch.Frequency);
        try
        {
            if (plan.RatePerSecond is { } rate)
            {
                await OpenLoopAsync(agents, plan, log, rate, deadline, afterCall, stop);
            }
            else
            {
                await Task.WhenAll(agents.Select(agent => ClosedLoopAsync(agent, plan, log, deadline, afterCall, stop)));
            }
        }
        finally
        {
            log.Complete();
        }
    }

    private static bool Done(LoadPlan plan, CallLog log, long deadline, CancellationToken stop) =>
        stop.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline || (plan.Calls is { } calls && log.Answered >= calls);

    private static async Task ClosedLoopAsync(Agent agent, LoadPlan plan, CallLog log, long deadline, Func<CallRecord, ValueTask>? afterCall, CancellationToken stop)
    {
        // Yield first so that every agent starts at once rather than the first one running its whole loop.
        await Task.Yield();
        while (!Done(plan, log, deadline, stop))
        {
            var record = await ToolCaller.CallAsync(agent, plan.Tool, plan.Arguments, Stopwatch.GetTimestamp(), plan.CallTimeout);
            log.Add(record);
            if (afterCall is not null)
            {
                await afterCall(record);
            }

            if (record.Kind == OutcomeKind.Error)
            {
                await Task.Delay(plan.ErrorBackoff);
            }
        }
    }

    private static async Task OpenLoopAsync(IReadOnlyList<Agent> agents, LoadPlan plan, CallLog log, double rate, long deadline, Func<CallRecord, ValueTask>? afterCall, CancellationToken stop)
    {
        var free = Channel.CreateUnbounded<Agent>();
        foreach (var agent in agents)
        {
            free.Writer.TryWrite(agent);
        }

        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>();
        for (long i = 0; ; i++)
        {
            var due = start + (long)(i * interval);
            if (due >= deadline || (plan.Calls is { } calls && i >= calls) || stop.IsCancellationRequested)
            {
                break;
            }

            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            inFlight.Add(ArrivalAsync(free, plan, log, due, afterCall));
            if (inFlight.Count > 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight);
    }

    private static async Task ArrivalAsync(Channel<Agent> free, LoadPlan plan, CallLog log, long due, Func<CallRecord, ValueTask>? afterCall)
    {
        // Waiting for a free agent is part of the latency: the call was due at its arrival time.
        var agent = await free.Reader.ReadAsync();
        try
        {
            var record = await ToolCaller.CallAsync(agent, plan.Tool, plan.Arguments, due, plan.CallTimeout);
            log.Add(record);
            if (afterCall is not null)
            {
                await afterCall(record);
            }
        }
        finally
        {
            free.Writer.TryWrite(agent);
        }
    }
}
