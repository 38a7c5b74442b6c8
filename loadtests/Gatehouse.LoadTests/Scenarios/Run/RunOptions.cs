namespace Gatehouse.LoadTests.Scenarios.Run;

/// <summary>The load generator's own options (<c>run</c>).</summary>
/// <param name="Targets">MCP endpoint on each replica (or the upstream itself); requests go round-robin.</param>
/// <param name="Tokens">Bearer tokens of the grants the agents call as (agent i uses token i mod n); empty: no token.</param>
/// <param name="Agents">Concurrent agents, each its own MCP session.</param>
/// <param name="Duration">How long to issue calls.</param>
/// <param name="Calls">Stop after this many calls (answered, in closed loop; arrivals, in open loop).</param>
/// <param name="Rate">Open loop: fixed arrival rate, calls per second. Null: closed loop.</param>
/// <param name="Tool">Tool to call.</param>
/// <param name="ArgumentsJson">Its arguments, a JSON object.</param>
/// <param name="Limit">The policy's limit per grant per window, to compare admissions with; null: no expectation.</param>
/// <param name="WindowSeconds">That limit's fixed window, in seconds (aligned to UTC, as Gatehouse aligns them).</param>
internal sealed record RunOptions(
    IReadOnlyList<Uri> Targets,
    IReadOnlyList<string> Tokens,
    int Agents,
    TimeSpan Duration,
    int? Calls,
    double? Rate,
    string Tool,
    string ArgumentsJson,
    int? Limit,
    int WindowSeconds);
