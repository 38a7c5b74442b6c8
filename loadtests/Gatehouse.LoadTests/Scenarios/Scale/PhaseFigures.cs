using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>A phase and what the agents saw in it (calls that started in it, both tools).</summary>
internal sealed record PhaseFigures(MembershipPhase Phase, PhaseStats Stats);
