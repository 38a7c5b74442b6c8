namespace Gatehouse.Policy;

/// <summary>What a policy's <c>risk_defaults</c> does with unlisted tools of one risk level: <c>"high": "approve"</c>,
/// or the object form <c>"high": { "action": "deny", "reason": "…" }</c>.</summary>
/// <param name="Risk">The risk level this applies to (the key).</param>
/// <param name="Action">What unlisted tools of that risk get, in place of the policy's <c>default</c>.</param>
/// <param name="Reason">Told to the agent when the action is <c>deny</c>; null for none.</param>
/// <param name="Approval">How calls are held; set exactly when <paramref name="Action"/> is <see cref="ToolAction.Approve"/>.</param>
public sealed record RiskDefault(RiskLevel Risk, ToolAction Action, string? Reason, ApprovalRule? Approval);
