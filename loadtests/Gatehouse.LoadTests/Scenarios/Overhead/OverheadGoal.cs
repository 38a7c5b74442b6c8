namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>One target of Gatehouse's overhead, what the run measured for it, and whether that meets it.</summary>
internal sealed record OverheadGoal(string Goal, string Measured, bool Met);
