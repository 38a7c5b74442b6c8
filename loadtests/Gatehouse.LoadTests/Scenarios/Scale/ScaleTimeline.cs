using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>Every call of the run (by tool) against the membership's phases and events: the report's figures and the plot's points.</summary>
internal sealed class ScaleTimeline(Membership membership, IReadOnlyList<(string Tool, CallLog Log)> logs)
{
    public IReadOnlyList<MembershipPhase> Phases { get; } = membership.Phases;

    public IReadOnlyList<MembershipEvent> Events { get; } = membership.Events;

    /// <summary>Each replica's log tail, by name, taken when the run ended.</summary>
    public IReadOnlyDictionary<string, string> ReplicaLogs { get; } = membership.Logs();

    /// <summary>Seconds since the load began of a stopwatch timestamp.</summary>
    public double SecondsAt(long timestamp) => membership.SecondsAt(timestamp);

    public IEnumerable<(string Tool, CallRecord Record)> Calls => logs.SelectMany(l => l.Log.Records.Select(r => (l.Tool, r)));

    public IReadOnlyList<PhaseFigures> Figures() =>
    [
        .. Phases.Select(phase => new PhaseFigures(
            phase,
            PhaseStats.Of(phase.Name, [.. Calls.Where(c => phase.Holds(SecondsAt(c.Record.Started))).Select(c => c.Record)], TimeSpan.FromSeconds(phase.Seconds)))),
    ];

    public IReadOnlyList<FailedCall> Failures() =>
    [
        .. Calls
            .Where(c => c.Record.Kind is OutcomeKind.Error or OutcomeKind.Refused)
            .OrderBy(c => c.Record.Started)
            .Select(c => new FailedCall(
                SecondsAt(c.Record.Started),
                PhaseAt(SecondsAt(c.Record.Started)),
                c.Tool,
                c.Record.Agent,
                c.Record.LatencyMs,
                c.Record.Error ?? "unknown",
                c.Record.Detail)),
    ];

    private string PhaseAt(double seconds) => Phases.FirstOrDefault(p => p.Holds(seconds))?.Name ?? "-";
}
