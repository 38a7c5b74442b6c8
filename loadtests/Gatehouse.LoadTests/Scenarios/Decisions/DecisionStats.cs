using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>One path's figures: every phase of the run together.</summary>
internal sealed record DecisionStats(string Path, string Description, int Decisions, int Refused, int Errors, double Seconds, double DecisionsPerSecond, LatencySummary Latency);
