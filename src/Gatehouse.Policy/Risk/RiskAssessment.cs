namespace Gatehouse.Policy;

/// <summary>The class and risk of one tool, with the evidence for them.</summary>
/// <param name="Effect">What the tool does: read, write or execute.</param>
/// <param name="Risk">How risky a call is.</param>
/// <param name="Why">The evidence, for people: <c>destructiveHint=true</c>, <c>name starts with 'delete'</c>;
/// several pieces are joined with <c>"; "</c>.</param>
public sealed record RiskAssessment(ToolEffect Effect, RiskLevel Risk, string Why);
