namespace Gatehouse.Storage.Audit;

/// <summary>The values of <see cref="AuditEntry.Action"/>.</summary>
public static class AuditActions
{
    public const string Allow = "allow";
    public const string Deny = "deny";
    public const string Hidden = "hidden";
    public const string RateLimited = "rate_limited";
    public const string InvalidArguments = "invalid_arguments";
    public const string ApprovalDenied = "approval_denied";
    public const string ApprovalTimeout = "approval_timeout";
    public const string ToolChanged = "tool_changed";

    /// <summary>A 2026-07-28 agent was answered <c>input_required</c>: its call waits for approval, and it calls again.</summary>
    public const string ApprovalPending = "approval_pending";

    /// <summary>
    /// A later round of a 2026-07-28 agent's call whose upstream asked it for input (sampling, elicitation, roots): it
    /// brought the agent's answers; the call was decided (and its budget spent) when it started.
    /// </summary>
    public const string Continued = "continued";

    /// <summary>The call's limits could not be checked (their store is down); it was not forwarded.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The call was decided on but failed in the gateway before an answer (e.g. counters unavailable).</summary>
    public const string Error = "error";

    /// <summary>Every action, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Allow, Deny, Hidden, RateLimited, InvalidArguments, ApprovalDenied, ApprovalTimeout, ApprovalPending, Continued, ToolChanged, Unavailable, Error];

    /// <summary>True when <paramref name="action"/> is one of <see cref="All"/> (exact, lower-case).</summary>
    public static bool IsKnown(string? action) => action is not null && All.Contains(action, StringComparer.Ordinal);
}
