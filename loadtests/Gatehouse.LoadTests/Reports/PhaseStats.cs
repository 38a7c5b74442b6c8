using Gatehouse.LoadTests.Agents;

namespace Gatehouse.LoadTests.Reports;

/// <summary>What one load phase measured.</summary>
/// <param name="Label">The phase's name (target, case).</param>
/// <param name="Calls">Every call made, errors included.</param>
/// <param name="Admitted">Calls the tool ran and answered.</param>
/// <param name="RateLimited">Calls refused as <c>rate_limited</c>.</param>
/// <param name="Refused">Calls refused by policy for another reason.</param>
/// <param name="Errors">Calls that failed (see <paramref name="ErrorsByKind"/>).</param>
/// <param name="ErrorsByKind">Errors and refusals other than rate limiting, by kind.</param>
/// <param name="Seconds">Length of the phase.</param>
/// <param name="CallsPerSecond">Answered calls (not errors) per second.</param>
/// <param name="Latency">Latency of the answered calls.</param>
internal sealed record PhaseStats(
    string Label,
    int Calls,
    int Admitted,
    int RateLimited,
    int Refused,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorsByKind,
    double Seconds,
    double CallsPerSecond,
    LatencySummary Latency)
{
    public static PhaseStats Of(CallLog log) => Of(log.Label, log.Records, log.Elapsed);

    public static PhaseStats Of(string label, IReadOnlyCollection<CallRecord> records, TimeSpan elapsed)
    {
        var answered = records.Where(r => r.Kind != OutcomeKind.Error).ToList();
        var errors = records
            .Where(r => r.Kind == OutcomeKind.Error || r.Kind == OutcomeKind.Refused)
            .GroupBy(r => r.Error ?? "unknown")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        return new PhaseStats(
            label,
            records.Count,
            records.Count(r => r.Kind == OutcomeKind.Admitted),
            records.Count(r => r.Kind == OutcomeKind.RateLimited),
            records.Count(r => r.Kind == OutcomeKind.Refused),
            records.Count(r => r.Kind == OutcomeKind.Error),
            errors,
            elapsed.TotalSeconds,
            elapsed > TimeSpan.Zero ? answered.Count / elapsed.TotalSeconds : 0,
            LatencySummary.Of(answered.Select(r => r.LatencyMs)));
    }

    /// <summary>"timeout: 3, mcp -32603: 1", or "none".</summary>
    public string ErrorText => Errors == 0 && Refused == 0 ? "none" : string.Join(", ", ErrorsByKind.Select(e => $"{e.Key}: {e.Value}"));
}
