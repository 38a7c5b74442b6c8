namespace Gatehouse.Policy;

/// <summary>How a call to an <c>approve</c> tool is held (<c>approval</c>).</summary>
/// <param name="TimeoutSeconds">Seconds to wait for a decision before the call is refused; default 300, at most 86400.</param>
/// <param name="By">Who decides; default <see cref="ApprovalBy.Operator"/>.</param>
public sealed record ApprovalRule(int TimeoutSeconds, ApprovalBy By)
{
    /// <summary>The rule used when an <c>approve</c> tool has no <c>approval</c> object: 300 s, by an operator.</summary>
    public static ApprovalRule Default { get; } = new(PolicyDefaults.ApprovalTimeoutSeconds, ApprovalBy.Operator);
}
