using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>The pure policy decision: a function of the policy, the tool name, the call's arguments and, optionally,
/// the tool's description (for <c>risk_defaults</c>). Checks run in the order visibility, action, <c>require</c>,
/// <c>deny_if</c>, <c>arguments</c>, limits; only a call that passed every earlier check is charged.</summary>
public static class PolicyEvaluator
{
    /// <summary>Whether <paramref name="tool"/> appears in <c>tools/list</c>: false for <c>deny</c> and <c>hide</c>, and
    /// for a tool absent from <c>tools</c> when its risk default (known only from <paramref name="description"/>) or,
    /// failing that, <c>default</c> refuses it.</summary>
    public static bool IsListed(PolicyDocument policy, string tool, ToolDescription? description = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var action = policy.FindTool(tool)?.Action ?? policy.FindRiskDefault(description)?.Action;
        return action is null ? policy.Default == DefaultAction.Allow : action is ToolAction.Allow or ToolAction.Approve;
    }

    /// <summary>Evaluates one <c>tools/call</c>. <paramref name="arguments"/> is the call's arguments object;
    /// <see cref="JsonValueKind.Undefined"/> or <see cref="JsonValueKind.Null"/> mean none were given.
    /// <paramref name="description"/> is the tool as its upstream lists it: for a tool absent from <c>tools</c>, its
    /// risk (<see cref="ToolRisk.Classify"/>) selects an entry of <c>risk_defaults</c> before <c>default</c> applies.
    /// Without it the risk is unknown and <c>default</c> decides.</summary>
    public static Evaluation Evaluate(PolicyDocument policy, string tool, JsonElement arguments, ToolDescription? description = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rule = policy.FindTool(tool);
        if (rule is null)
        {
            return policy.FindRiskDefault(description) is { } byRisk
                ? EvaluateByRisk(policy, tool, arguments, byRisk)
                : policy.Default == DefaultAction.Deny
                    ? Evaluation.Refused(Refusals.NotAllowedByDefault(tool), RulePointer.Default)
                    : Admit(policy, tool, null, arguments, RulePointer.Default, approval: null);
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
        return rule.Action == ToolAction.Approve
            ? Admit(policy, tool, rule, arguments, actionPointer, rule.Approval ?? ApprovalRule.Default)
            : Admit(policy, tool, rule, arguments, RulePointer.Tool(tool), approval: null);
    }

    // An unlisted tool has no conditions of its own: its risk default decides, and only all_tools limits are charged.
    private static Evaluation EvaluateByRisk(PolicyDocument policy, string tool, JsonElement arguments, RiskDefault byRisk)
    {
        var pointer = RulePointer.RiskDefault(byRisk.Risk);
        return byRisk.Action switch
        {
            ToolAction.Hide => new Evaluation(EvaluationKind.Hidden, null, [], null, pointer),
            ToolAction.Deny => Evaluation.Refused(Refusals.NotAllowedByRisk(tool, byRisk.Risk, byRisk.Reason), pointer),
            ToolAction.Approve => Admit(policy, tool, null, arguments, pointer, byRisk.Approval ?? ApprovalRule.Default),
            _ => Admit(policy, tool, null, arguments, pointer, approval: null),
        };
    }

    private static Evaluation Admit(PolicyDocument policy, string tool, ToolRule? rule, JsonElement arguments, string pointer, ApprovalRule? approval)
    {
        var charges = ChargeCalculator.Price(policy, tool, rule, arguments, out var refusal);
        if (refusal is not null)
        {
            return refusal;
        }

        return approval is not null
            ? new Evaluation(EvaluationKind.NeedsApproval, null, charges, approval, pointer)
            : new Evaluation(EvaluationKind.Admissible, null, charges, null, pointer);
    }
}
