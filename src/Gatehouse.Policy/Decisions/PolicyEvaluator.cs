using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>The pure policy decision: a function of the policy, the tool name and the call's arguments.
/// Checks run in the order visibility, action, <c>require</c>, <c>deny_if</c>, <c>arguments</c>, limits; only a
/// call that passed every earlier check is charged.</summary>
public static class PolicyEvaluator
{
    /// <summary>Whether <paramref name="tool"/> appears in <c>tools/list</c>: false for <c>deny</c>, <c>hide</c>,
    /// and tools absent from <c>tools</c> under <c>default: deny</c>.</summary>
    public static bool IsListed(PolicyDocument policy, string tool)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rule = policy.FindTool(tool);
        return rule is null ? policy.Default == DefaultAction.Allow : rule.Action is ToolAction.Allow or ToolAction.Approve;
    }

    /// <summary>Evaluates one <c>tools/call</c>. <paramref name="arguments"/> is the call's arguments object;
    /// <see cref="JsonValueKind.Undefined"/> or <see cref="JsonValueKind.Null"/> mean none were given.</summary>
    public static Evaluation Evaluate(PolicyDocument policy, string tool, JsonElement arguments)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rule = policy.FindTool(tool);
        if (rule is null)
        {
            return policy.Default == DefaultAction.Deny
                ? Evaluation.Refused(Refusals.NotAllowedByDefault(tool), RulePointer.Default)
                : Admit(policy, tool, null, arguments, RulePointer.Default);
        }

        var actionPointer = RulePointer.Tool(tool, "action");
        switch (rule.Action)
        {
            case ToolAction.Hide:
                return new Evaluation(EvaluationKind.Hidden, null, [], null, actionPointer);
            case ToolAction.Deny:
                return Evaluation.Refused(Refusals.ToolDenied(tool, rule.Reason), actionPointer);
        }

        if (ArgumentChecks.Check(rule, arguments) is { } refusal)
        {
            return refusal;
        }

        // An allowed call passed its whole entry (action absent or "allow"); a held one is held by its action.
        return Admit(policy, tool, rule, arguments, rule.Action == ToolAction.Approve ? actionPointer : RulePointer.Tool(tool));
    }

    private static Evaluation Admit(PolicyDocument policy, string tool, ToolRule? rule, JsonElement arguments, string pointer)
    {
        var charges = ChargeCalculator.Price(policy, tool, rule, arguments, out var refusal);
        if (refusal is not null)
        {
            return refusal;
        }

        return rule?.Action == ToolAction.Approve
            ? new Evaluation(EvaluationKind.NeedsApproval, null, charges, rule.Approval ?? ApprovalRule.Default, pointer)
            : new Evaluation(EvaluationKind.Admissible, null, charges, null, pointer);
    }
}
