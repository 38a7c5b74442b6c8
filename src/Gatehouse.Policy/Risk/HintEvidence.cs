namespace Gatehouse.Policy;

/// <summary>What a tool's annotation hints say about it.</summary>
internal static class HintEvidence
{
    /// <summary>The effect and base risk <c>readOnlyHint</c> and <c>destructiveHint</c> give; null when neither is given.</summary>
    public static RiskAssessment? Basis(ToolAnnotationsHints hints) => hints switch
    {
        { ReadOnly: true } => new(ToolEffect.Read, RiskLevel.Low, "readOnlyHint=true"),
        { Destructive: true } => new(ToolEffect.Write, RiskLevel.High, "destructiveHint=true"),
        { ReadOnly: false, Destructive: false } => new(ToolEffect.Write, RiskLevel.Medium, "readOnlyHint=false, destructiveHint=false"),
        { Destructive: false } => new(ToolEffect.Write, RiskLevel.Medium, "destructiveHint=false"),

        // MCP's default for an absent destructiveHint is true: a write that does not say otherwise may destroy.
        { ReadOnly: false } => new(ToolEffect.Write, RiskLevel.High, "readOnlyHint=false without destructiveHint (MCP default: destructive)"),
        _ => null,
    };

    /// <summary>Raises the risk one level for <c>openWorldHint: true</c>, except for an idempotent additive write
    /// (<c>destructiveHint: false</c>, <c>idempotentHint: true</c>), which a retry cannot compound.</summary>
    public static RiskAssessment WithOpenWorld(RiskAssessment assessment, ToolAnnotationsHints hints)
    {
        if (hints.OpenWorld != true || assessment.Risk == RiskLevel.High)
        {
            return assessment;
        }

        if (assessment.Effect == ToolEffect.Write && hints is { Destructive: false, Idempotent: true })
        {
            return assessment with { Why = $"{assessment.Why}; openWorldHint=true, but an idempotent additive write stays {Name(assessment.Risk)}" };
        }

        var raised = assessment.Risk + 1;
        return assessment with { Risk = raised, Why = $"{assessment.Why}; openWorldHint=true raises it to {Name(raised)}" };
    }

    private static string Name(RiskLevel risk) => risk.ToString().ToLowerInvariant();
}
