namespace Gatehouse.Policy;

/// <summary>
/// What a policy does with a tool as a whole, before any call's arguments are known: the answer
/// <c>/admin/tools</c> gives for each upstream tool.
/// </summary>
/// <param name="Action">The tool's action: <c>allow</c>, <c>deny</c>, <c>hide</c> or <c>approve</c> (the policy's wire words).</param>
/// <param name="RulePointer">JSON pointer of the rule that decides it: <c>/tools/x</c>, <c>/risk_defaults/high</c> or <c>/default</c>.</param>
/// <param name="Why">In words, e.g. <c>listed under tools: deny (exposes server secrets)</c>.</param>
/// <param name="Conditions">Checks each call must also pass (<c>require</c>, <c>deny_if</c>, <c>arguments</c>), by key.</param>
/// <param name="Counters">The counters a call spends from (<c>all_tools</c> limits first).</param>
public sealed record ToolVerdict(string Action, string RulePointer, string Why, IReadOnlyList<string> Conditions, IReadOnlyList<string> Counters)
{
    /// <summary>The verdict of <paramref name="policy"/> on <paramref name="tool"/>, whose risk is known when <paramref name="description"/> is given.</summary>
    public static ToolVerdict Of(PolicyDocument policy, string tool, ToolDescription? description = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var common = policy.AllToolsLimits.Select(limit => limit.Counter);
        if (policy.FindTool(tool) is { } rule)
        {
            var action = Wire(rule.Action);
            var why = rule.Reason is { Length: > 0 } reason ? $"listed under tools: {action} ({reason})" : $"listed under tools: {action}";
            var refused = rule.Action is ToolAction.Deny or ToolAction.Hide;
            return new ToolVerdict(
                action,
                rule.Action == ToolAction.Allow ? Policy.RulePointer.Tool(tool) : Policy.RulePointer.Tool(tool, "action"),
                why,
                refused ? [] : ConditionsOf(rule),
                refused ? [] : [.. common.Concat(rule.Limits.Select(limit => limit.Counter))]);
        }

        if (policy.FindRiskDefault(description) is { } byRisk)
        {
            var action = Wire(byRisk.Action);
            var level = byRisk.Risk.ToString().ToLowerInvariant();
            var why = byRisk.Reason is { Length: > 0 } reason
                ? $"not listed under tools; {level}-risk tools: {action} ({reason})"
                : $"not listed under tools; {level}-risk tools: {action}";
            var refused = byRisk.Action is ToolAction.Deny or ToolAction.Hide;
            return new ToolVerdict(action, Policy.RulePointer.RiskDefault(byRisk.Risk), why, [], refused ? [] : [.. common]);
        }

        var byDefault = policy.Default == DefaultAction.Allow ? "allow" : "deny";
        return new ToolVerdict(
            byDefault,
            Policy.RulePointer.Default,
            $"not listed under tools; default: {byDefault}",
            [],
            policy.Default == DefaultAction.Allow ? [.. common] : []);
    }

    private static string[] ConditionsOf(ToolRule rule) =>
        [.. new[] { rule.Require.Count > 0 ? "require" : null, rule.DenyIf.Count > 0 ? "deny_if" : null, rule.Arguments is not null ? "arguments" : null }.OfType<string>()];

    private static string Wire(ToolAction action) => action switch
    {
        ToolAction.Deny => "deny",
        ToolAction.Hide => "hide",
        ToolAction.Approve => "approve",
        _ => "allow",
    };
}
