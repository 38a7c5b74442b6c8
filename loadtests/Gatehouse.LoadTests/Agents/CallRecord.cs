namespace Gatehouse.LoadTests.Agents;

/// <summary>One tool call. Times are <see cref="System.Diagnostics.Stopwatch"/> timestamps.</summary>
/// <param name="Agent">Which agent made it.</param>
/// <param name="Grant">Index of the grant (token) the agent used.</param>
/// <param name="Scheduled">When the call was due: its start in closed loop, its arrival time in open loop.</param>
/// <param name="Started">When the request was sent.</param>
/// <param name="Ended">When the answer (or failure) came.</param>
/// <param name="Kind">How it ended.</param>
/// <param name="Error">For errors and refusals, a short kind (<c>timeout</c>, <c>mcp -32603</c>, <c>refused deny</c>).</param>
/// <param name="Detail">For errors, what the failure said (the exception's message or the tool's text).</param>
internal readonly record struct CallRecord(int Agent, int Grant, long Scheduled, long Started, long Ended, OutcomeKind Kind, string? Error, string? Detail = null)
{
    /// <summary>What the agent waited, in milliseconds, from when the call was due (so open loop counts queueing too).</summary>
    public double LatencyMs => (Ended - Scheduled) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
}
