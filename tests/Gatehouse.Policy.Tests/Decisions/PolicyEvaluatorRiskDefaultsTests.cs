namespace Gatehouse.Policy.Tests;

public sealed class PolicyEvaluatorRiskDefaultsTests
{
    private static readonly ToolDescription Reader = new("get_weather", null, new ToolAnnotationsHints(true, null, null, false));
    private static readonly ToolDescription Creator = new("create_note", null, new ToolAnnotationsHints(false, false, true, false));
    private static readonly ToolDescription Deleter = new("delete_note", null, ToolAnnotationsHints.None);

    private static readonly PolicyDocument Guarded = Policies.Valid("""
        { "version": "1", "default": "deny",
          "risk_defaults": { "low": "allow", "high": { "action": "approve", "approval": { "timeout": 60 } } },
          "all_tools": { "limits": [ { "counter": "total", "window": "hour", "max": 100 } ] },
          "tools": { "delete_note": { "action": "deny", "reason": "never" }, "purge": {} } }
        """);

    [Fact]
    public void Without_a_description_the_default_decides_as_before()
    {
        var evaluation = PolicyEvaluator.Evaluate(Guarded, "get_weather", Arguments.None);

        Assert.Equal(EvaluationKind.Refused, evaluation.Kind);
        Assert.Equal("/default", evaluation.RulePointer);
        Assert.False(PolicyEvaluator.IsListed(Guarded, "get_weather"));
    }

    [Fact]
    public void Low_risk_unlisted_tool_is_admitted_by_its_risk_default_with_the_all_tools_limits()
    {
        var evaluation = PolicyEvaluator.Evaluate(Guarded, "get_weather", Arguments.None, Reader);

        Assert.Equal(EvaluationKind.Admissible, evaluation.Kind);
        Assert.Equal("/risk_defaults/low", evaluation.RulePointer);
        Assert.Equal("total", Assert.Single(evaluation.Charges).Limit.Counter);
        Assert.True(PolicyEvaluator.IsListed(Guarded, "get_weather", Reader));
    }

    [Fact]
    public void High_risk_unlisted_tool_is_held_for_approval()
    {
        var wiper = new ToolDescription("wipe_notes", null, ToolAnnotationsHints.None);

        var evaluation = PolicyEvaluator.Evaluate(Guarded, "wipe_notes", Arguments.None, wiper);

        Assert.Equal(EvaluationKind.NeedsApproval, evaluation.Kind);
        Assert.Equal(new ApprovalRule(60, ApprovalBy.Operator), evaluation.Approval);
        Assert.Equal("/risk_defaults/high", evaluation.RulePointer);
        Assert.Equal("total", Assert.Single(evaluation.Charges).Limit.Counter);
        Assert.True(PolicyEvaluator.IsListed(Guarded, "wipe_notes", wiper));
    }

    [Fact]
    public void Risk_without_an_entry_falls_to_the_default()
    {
        var evaluation = PolicyEvaluator.Evaluate(Guarded, "create_note", Arguments.None, Creator);

        Assert.Equal(new Decision(DecisionAction.Deny, "create_note", "Tool 'create_note' is not allowed by policy (default: deny)", null), evaluation.Refusal);
        Assert.Equal("/default", evaluation.RulePointer);
        Assert.False(PolicyEvaluator.IsListed(Guarded, "create_note", Creator));
    }

    [Fact]
    public void Listed_tool_ignores_risk_defaults()
    {
        var purge = new ToolDescription("purge", null, new ToolAnnotationsHints(false, true, false, true));

        Assert.Equal("/tools/delete_note/action", PolicyEvaluator.Evaluate(Guarded, "delete_note", Arguments.None, Deleter).RulePointer);
        Assert.False(PolicyEvaluator.IsListed(Guarded, "delete_note", Deleter));
        Assert.Equal(EvaluationKind.Admissible, PolicyEvaluator.Evaluate(Guarded, "purge", Arguments.None, purge).Kind);
        Assert.True(PolicyEvaluator.IsListed(Guarded, "purge", purge));
    }

    [Fact]
    public void Risk_default_takes_precedence_over_default_allow()
    {
        var policy = Policies.Valid("""{ "version": "1", "default": "allow", "risk_defaults": { "high": "deny", "medium": "hide" } }""");

        var deleted = PolicyEvaluator.Evaluate(policy, "delete_note", Arguments.None, Deleter);
        var created = PolicyEvaluator.Evaluate(policy, "create_note", Arguments.None, Creator);

        Assert.Equal(new Decision(DecisionAction.Deny, "delete_note", "Tool 'delete_note' is not allowed by policy (high-risk tools: deny)", null), deleted.Refusal);
        Assert.Equal("/risk_defaults/high", deleted.RulePointer);
        Assert.Equal(new Evaluation(EvaluationKind.Hidden, null, created.Charges, null, "/risk_defaults/medium"), created);
        Assert.Empty(created.Charges);
        Assert.False(PolicyEvaluator.IsListed(policy, "delete_note", Deleter));
        Assert.False(PolicyEvaluator.IsListed(policy, "create_note", Creator));
        Assert.True(PolicyEvaluator.IsListed(policy, "get_weather", Reader));
    }

    [Fact]
    public void Risk_default_deny_tells_its_reason()
    {
        var policy = Policies.Valid("""{ "version": "1", "risk_defaults": { "high": { "action": "deny", "reason": "destructive tools need review" } } }""");

        Assert.Equal(
            "Tool 'delete_note' is not allowed by policy: destructive tools need review",
            PolicyEvaluator.Evaluate(policy, "delete_note", Arguments.None, Deleter).Refusal?.Message);
    }

    [Fact]
    public void Reference_filesystem_tools_under_high_approve()
    {
        var policy = Policies.Valid("""{ "version": "1", "default": "allow", "risk_defaults": { "high": "approve" } }""");

        var held = ReferenceTools.Filesystem.Where(tool => PolicyEvaluator.Evaluate(policy, tool.Name, Arguments.None, tool).Kind == EvaluationKind.NeedsApproval);

        Assert.Equal(["edit_file", "move_file", "write_file"], held.Select(tool => tool.Name).Order(StringComparer.Ordinal));
        Assert.All(ReferenceTools.Filesystem, tool => Assert.True(PolicyEvaluator.IsListed(policy, tool.Name, tool)));
    }

    [Fact]
    public void Find_risk_default_needs_a_description_and_an_entry()
    {
        Assert.Null(Guarded.FindRiskDefault(null));
        Assert.Null(Guarded.FindRiskDefault(Creator));
        Assert.Equal(ToolAction.Allow, Guarded.FindRiskDefault(Reader)?.Action);
        Assert.Null(Policies.Valid("""{ "version": "1" }""").FindRiskDefault(Deleter));
    }
}
