namespace Gatehouse.Policy;

/// <summary>Wire names of <see cref="DecisionAction"/>, as written in <c>_meta["gatehouse/decision"].action</c>.</summary>
public static class DecisionActionNames
{
    /// <summary>"allow", "deny", "rate_limited", "approval_denied", "approval_timeout", "invalid_arguments", "tool_changed" or "unavailable".</summary>
    public static string ToWire(this DecisionAction action) => action switch
    {
        DecisionAction.Allow => "allow",
        DecisionAction.Deny => "deny",
        DecisionAction.RateLimited => "rate_limited",
        DecisionAction.ApprovalDenied => "approval_denied",
        DecisionAction.ApprovalTimeout => "approval_timeout",
        DecisionAction.InvalidArguments => "invalid_arguments",
        DecisionAction.ToolChanged => "tool_changed",
        DecisionAction.Unavailable => "unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown decision action"),
    };
}
