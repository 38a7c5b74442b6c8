namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>Options of <c>overhead</c>.</summary>
/// <param name="AgentLevels">Agent counts to measure at, in turn (e.g. 1, 16 and 64).</param>
/// <param name="PhaseSeconds">Length of one phase (one target at one level).</param>
/// <param name="Rounds">How many phases each target gets at each level: one per round, the targets' order rotating from round to round.</param>
/// <param name="WarmupSeconds">Load on every target before measuring, at each level.</param>
/// <param name="Tool">The tool every call invokes.</param>
/// <param name="ArgumentsJson">Its arguments, a JSON object.</param>
/// <param name="Rate">Open loop: fixed arrival rate (calls/s) in every phase. Null: closed loop.</param>
/// <param name="Direct">An upstream endpoint to use instead of starting one (with <paramref name="Gateway"/>).</param>
/// <param name="Gateway">A Gatehouse endpoint in front of <paramref name="Direct"/>, instead of starting one.</param>
/// <param name="Token">The grant token for <paramref name="Gateway"/>.</param>
/// <param name="Upstream">Which upstream to start (when <paramref name="Direct"/> is not given).</param>
internal sealed record OverheadOptions(
    IReadOnlyList<int> AgentLevels,
    double PhaseSeconds,
    int Rounds,
    double WarmupSeconds,
    string Tool,
    string ArgumentsJson,
    double? Rate = null,
    Uri? Direct = null,
    Uri? Gateway = null,
    string? Token = null,
    OverheadUpstream Upstream = OverheadUpstream.Test);
