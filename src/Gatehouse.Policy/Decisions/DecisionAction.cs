namespace Gatehouse.Policy;

/// <summary>The action recorded for a decision; <see cref="DecisionActionNames.ToWire"/> gives its wire name.</summary>
public enum DecisionAction
{
    /// <summary><c>allow</c>: the call was forwarded.</summary>
    Allow,

    /// <summary><c>deny</c>: the tool, the default or a <c>deny_if</c> condition refused the call.</summary>
    Deny,

    /// <summary><c>rate_limited</c>: a counter had no room for the call's cost.</summary>
    RateLimited,

    /// <summary><c>approval_denied</c>: a human refused the held call.</summary>
    ApprovalDenied,

    /// <summary><c>approval_timeout</c>: nobody decided before the approval's timeout.</summary>
    ApprovalTimeout,

    /// <summary><c>invalid_arguments</c>: <c>require</c>, <c>arguments</c> or an <c>increment_from</c> argument failed.</summary>
    InvalidArguments,

    /// <summary><c>tool_changed</c>: the upstream now serves a different definition of the tool than the pinned one.</summary>
    ToolChanged,

    /// <summary><c>unavailable</c>: the call's limits could not be checked (their store is down), so it was not forwarded.</summary>
    Unavailable,
}
