namespace Gatehouse.Policy;

/// <summary>The policy's verdict on one call, before counters are consulted.</summary>
/// <param name="Kind">The verdict.</param>
/// <param name="Refusal">Why the call is refused; set exactly when <paramref name="Kind"/> is <see cref="EvaluationKind.Refused"/>.</param>
/// <param name="Charges">Budget to reserve, in order (<c>all_tools</c> limits first); empty unless the call is
/// <see cref="EvaluationKind.Admissible"/> or <see cref="EvaluationKind.NeedsApproval"/>.</param>
/// <param name="Approval">How to hold the call; set exactly when <paramref name="Kind"/> is <see cref="EvaluationKind.NeedsApproval"/>.</param>
/// <param name="RulePointer">JSON pointer into the policy of the rule that decided, e.g. <c>/tools/get-env/action</c>,
/// <c>/tools/transfer/deny_if/0</c>, <c>/default</c>.</param>
public sealed record Evaluation(
    EvaluationKind Kind,
    Decision? Refusal,
    IReadOnlyList<LimitCharge> Charges,
    ApprovalRule? Approval,
    string RulePointer)
{
    internal static Evaluation Refused(Decision refusal, string rulePointer) =>
        new(EvaluationKind.Refused, refusal, [], null, rulePointer);
}
