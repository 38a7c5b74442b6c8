namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>A call that got no answer from the policy or the tool, or a refusal other than the rate limit.</summary>
/// <param name="Seconds">When it started, in seconds since the load began.</param>
/// <param name="Phase">The phase it started in.</param>
/// <param name="Tool">The tool called.</param>
/// <param name="Agent">The agent (within the tool's group).</param>
/// <param name="LatencyMs">How long until it failed.</param>
/// <param name="Error">Its kind (<c>http 500</c>, <c>mcp -32603</c>, <c>refused unavailable</c>).</param>
/// <param name="Detail">What the failure said.</param>
internal sealed record FailedCall(double Seconds, string Phase, string Tool, int Agent, double LatencyMs, string Error, string? Detail);
