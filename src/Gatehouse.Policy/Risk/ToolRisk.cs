namespace Gatehouse.Policy;

/// <summary>Classifies an upstream's tool by effect (read, write, execute) and risk (low, medium, high).</summary>
/// <remarks>
/// <para>The rules, in order:</para>
/// <list type="number">
/// <item><description>Annotation hints decide the effect when <c>readOnlyHint</c> or <c>destructiveHint</c> is given:
/// <c>readOnlyHint: true</c> is a low-risk read (whatever else is said); <c>destructiveHint: true</c> is a high-risk
/// write; <c>destructiveHint: false</c> is a medium-risk (additive) write; <c>readOnlyHint: false</c> alone is a
/// high-risk write, MCP's default for an absent <c>destructiveHint</c> being "destructive".</description></item>
/// <item><description>For a tool the hints call a write, the name (or description) may still raise the risk, never lower
/// it: <c>run_tests</c> with <c>destructiveHint: false</c> is a high-risk execute.</description></item>
/// <item><description>Without either hint, the name decides, then the description's first sentence: words such as
/// get, list, read, search, fetch, echo, sum are low-risk reads; write, create, update, edit, move, rename, set are
/// medium-risk writes; delete, remove, drop, destroy, kill, truncate, wipe are high-risk writes; exec, run, shell,
/// command, eval, spawn are high-risk executes. Names are split on <c>-</c>, <c>_</c>, spaces and camelCase; the first
/// word decides when it is known (with any verb after "and", "or", "then"), otherwise the most severe word anywhere.
/// Nothing known is a medium-risk write: the cautious guess.</description></item>
/// <item><description>Finally <c>openWorldHint: true</c> raises the risk one level, except for an idempotent additive
/// write (<c>destructiveHint: false</c>, <c>idempotentHint: true</c>), which stays medium.</description></item>
/// </list>
/// <para>Hints are the upstream's own claims and are taken as given; list a tool under <c>tools</c> to decide it
/// regardless of its class.</para>
/// </remarks>
public static class ToolRisk
{
    /// <summary>The class and risk of <paramref name="tool"/>, with the evidence in <see cref="RiskAssessment.Why"/>.</summary>
    public static RiskAssessment Classify(ToolDescription tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var words = NameEvidence.Of(tool);
        var assessment = HintEvidence.Basis(tool.Hints) switch
        {
            { Effect: ToolEffect.Read } read => read,
            { } written when words is not null && Severity(words) > Severity(written) =>
                words with { Why = $"{written.Why}; {words.Why}" },
            { } written => written,
            null => words ?? Unknown(tool.Hints),
        };

        return HintEvidence.WithOpenWorld(assessment, tool.Hints);
    }

    private static RiskAssessment Unknown(ToolAnnotationsHints hints) => new(
        ToolEffect.Write,
        RiskLevel.Medium,
        hints.Any
            ? "no readOnlyHint or destructiveHint and no known verb in the name or description: assumed a write"
            : "no annotations and no known verb in the name or description: assumed a write");

    private static int Severity(RiskAssessment assessment) => RiskVerbs.Severity((assessment.Effect, assessment.Risk));
}
