namespace Gatehouse.Policy;

/// <summary>The policy for one tool (one entry of <c>tools</c>).</summary>
/// <param name="Name">The tool's name as the upstream lists it (the key in <c>tools</c>).</param>
/// <param name="Action">What to do with calls; default <see cref="ToolAction.Allow"/>.</param>
/// <param name="Reason">Told to the agent when the tool is denied; null for none.</param>
/// <param name="Approval">How calls are held; set exactly when <paramref name="Action"/> is
/// <see cref="ToolAction.Approve"/> (<see cref="ApprovalRule.Default"/> when the document gives none).</param>
/// <param name="Require">Argument names that must be present (and not null).</param>
/// <param name="DenyIf">Conditions that refuse the call, checked in order.</param>
/// <param name="Arguments">A JSON Schema the call's arguments must satisfy; null for none.</param>
/// <param name="Limits">The tool's own limits, charged after the <c>all_tools</c> limits.</param>
public sealed record ToolRule(
    string Name,
    ToolAction Action,
    string? Reason,
    ApprovalRule? Approval,
    IReadOnlyList<string> Require,
    IReadOnlyList<DenyCondition> DenyIf,
    ArgumentSchema? Arguments,
    IReadOnlyList<LimitRule> Limits)
{
    /// <summary><c>audit_arguments</c>: the audit log keeps this tool's argument values, not only their names and digest.</summary>
    public bool AuditArguments { get; init; }
}
