namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>Options of <c>overhead</c>.</summary>
/// <param name="AgentLevels">Agent counts to measure at, in turn (e.g. 1 and 64).</param>
/// <param name="PhaseSeconds">Length of one phase (one target at one level).</param>
/// <param name="Rounds">How many times each target gets a phase at each level; targets alternate, and so does which goes first.</param>
/// <param name="WarmupSeconds">Load on both targets before measuring, at each level.</param>
/// <param name="Tool">The tool every call invokes.</param>
/// <param name="ArgumentsJson">Its arguments, a JSON object.</param>
/// <param name="Rate">Open loop: fixed arrival rate (calls/s) in every phase. Null: closed loop.</param>
/// <param name="Direct">An upstream endpoint to use instead of starting the test upstream (with <paramref name="Gateway"/>).</param>
/// <param name="Gateway">A Gatehouse endpoint in front of <paramref name="Direct"/>, instead of starting one.</param>
/// <param name="Token">The grant token for <paramref name="Gateway"/>.</param>
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
    string? Token = null);
