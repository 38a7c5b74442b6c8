namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>A session an agent could not open or close.</summary>
/// <param name="Seconds">When, in seconds since the load began.</param>
/// <param name="Agent">The agent.</param>
/// <param name="Step"><c>open</c> or <c>close</c>.</param>
/// <param name="Error">What the failure said.</param>
internal sealed record FailedStep(double Seconds, int Agent, string Step, string Error);
