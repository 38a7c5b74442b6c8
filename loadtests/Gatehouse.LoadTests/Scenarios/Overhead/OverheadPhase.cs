using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>One measured phase: one target, in one round, at one agent count.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Round">The round, from 1.</param>
/// <param name="Stats">What the agents saw.</param>
/// <param name="CpuUsPerCall">Each probed process's CPU time in the phase over the calls completed, in microseconds (see <see cref="CpuProbes"/>).</param>
internal sealed record OverheadPhase(string Target, int Round, PhaseStats Stats, IReadOnlyDictionary<string, double> CpuUsPerCall);
