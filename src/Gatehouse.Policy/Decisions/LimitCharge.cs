namespace Gatehouse.Policy;

/// <summary>Budget one call must reserve on one counter.</summary>
/// <param name="Limit">The limit to charge.</param>
/// <param name="Cost">Units to spend: 1, or the value of the <c>increment_from</c> argument (always positive).</param>
/// <param name="RulePointer">JSON pointer to the limit in the policy, e.g. <c>/all_tools/limits/0</c>.</param>
public sealed record LimitCharge(LimitRule Limit, decimal Cost, string RulePointer);
