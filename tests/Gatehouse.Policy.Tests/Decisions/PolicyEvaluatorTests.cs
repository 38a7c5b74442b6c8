namespace Gatehouse.Policy.Tests;

public sealed class PolicyEvaluatorTests
{
    private static readonly PolicyDocument Design = Policies.Valid(Policies.DesignExample);

    [Fact]
    public void Hidden_tool_is_hidden_without_a_refusal()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "debugDump", Arguments.None);

        Assert.Equal(new Evaluation(EvaluationKind.Hidden, null, evaluation.Charges, null, "/tools/debugDump/action"), evaluation);
        Assert.Empty(evaluation.Charges);
    }

    [Fact]
    public void Denied_tool_is_refused_with_its_reason()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "get-env", Arguments.None);

        Assert.Equal(EvaluationKind.Refused, evaluation.Kind);
        Assert.Equal(new Decision(DecisionAction.Deny, "get-env", "Tool 'get-env' is denied by policy: exposes server secrets", null), evaluation.Refusal);
        Assert.Equal("/tools/get-env/action", evaluation.RulePointer);
        Assert.Empty(evaluation.Charges);
    }

    [Fact]
    public void Denied_tool_without_a_reason_says_so_plainly()
    {
        var policy = Policies.Valid(Policies.WithTool("""{ "action": "deny" }"""));

        Assert.Equal("Tool 't' is denied by policy", PolicyEvaluator.Evaluate(policy, "t", Arguments.None).Refusal?.Message);
    }

    [Fact]
    public void Unlisted_tool_under_default_deny_is_refused_by_the_default()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "rm-rf", Arguments.Of("""{ "path": "/" }"""));

        Assert.Equal(EvaluationKind.Refused, evaluation.Kind);
        Assert.Equal(new Decision(DecisionAction.Deny, "rm-rf", "Tool 'rm-rf' is not allowed by policy (default: deny)", null), evaluation.Refusal);
        Assert.Equal("/default", evaluation.RulePointer);
    }

    [Fact]
    public void Unlisted_tool_under_default_allow_gets_only_the_all_tools_limits()
    {
        var policy = Policies.Valid("""
            { "version": "1", "default": "allow",
              "all_tools": { "limits": [ { "counter": "total", "window": "hour", "max": 100 } ] },
              "tools": { "x": { "limits": [ { "counter": "x_rate", "window": "minute", "max": 1 } ] } } }
            """);

        var evaluation = PolicyEvaluator.Evaluate(policy, "other", Arguments.None);

        Assert.Equal(EvaluationKind.Admissible, evaluation.Kind);
        Assert.Equal("/default", evaluation.RulePointer);
        var charge = Assert.Single(evaluation.Charges);
        Assert.Equal(("total", 1m, "/all_tools/limits/0"), (charge.Limit.Counter, charge.Cost, charge.RulePointer));
    }

    [Fact]
    public void Allowed_tool_is_admissible_with_all_tools_then_its_own_limits()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "imageMasking", Arguments.Of("""{ "image": "x" }"""));

        Assert.Equal(EvaluationKind.Admissible, evaluation.Kind);
        Assert.Null(evaluation.Refusal);
        Assert.Null(evaluation.Approval);
        Assert.Equal("/tools/imageMasking", evaluation.RulePointer);
        Assert.Equal(
            [("everything_total", 1m, "/all_tools/limits/0"), ("imagemasking_rate", 1m, "/tools/imageMasking/limits/0")],
            evaluation.Charges.Select(charge => (charge.Limit.Counter, charge.Cost, charge.RulePointer)));
    }

    [Fact]
    public void Allowed_tool_without_limits_is_admissible_with_no_charges()
    {
        var policy = Policies.Valid(Policies.WithTool("""{ "action": "allow" }"""));

        var evaluation = PolicyEvaluator.Evaluate(policy, "t", Arguments.None);

        Assert.Equal(EvaluationKind.Admissible, evaluation.Kind);
        Assert.Empty(evaluation.Charges);
    }

    [Fact]
    public void Approve_tool_needs_approval_with_its_rule_and_charges()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "deleteAll", Arguments.None);

        Assert.Equal(EvaluationKind.NeedsApproval, evaluation.Kind);
        Assert.Null(evaluation.Refusal);
        Assert.Equal(new ApprovalRule(120, ApprovalBy.Operator), evaluation.Approval);
        Assert.Equal("/tools/deleteAll/action", evaluation.RulePointer);
        Assert.Equal("everything_total", Assert.Single(evaluation.Charges).Limit.Counter);
    }

    [Fact]
    public void Approve_tool_is_refused_rather_than_held_when_a_condition_matches()
    {
        var policy = Policies.Valid(Policies.WithTool("""{ "action": "approve", "deny_if": [ { "arg": "all", "eq": true } ] }"""));

        var evaluation = PolicyEvaluator.Evaluate(policy, "t", Arguments.Of("""{ "all": true }"""));

        Assert.Equal(EvaluationKind.Refused, evaluation.Kind);
        Assert.Null(evaluation.Approval);
    }

    [Fact]
    public void Denied_tool_with_bad_arguments_is_denied_not_invalid()
    {
        var policy = Policies.Valid(Policies.WithTool("""{ "action": "deny", "require": ["a"], "arguments": { "type": "object", "required": ["b"] } }"""));

        Assert.Equal(DecisionAction.Deny, PolicyEvaluator.Evaluate(policy, "t", Arguments.Of("[]")).Refusal?.Action);
    }

    [Fact]
    public void Hidden_tool_with_conditions_is_hidden_whatever_the_arguments()
    {
        var policy = Policies.Valid(Policies.WithTool("""{ "action": "hide", "require": ["a"], "deny_if": [ { "arg": "b", "exists": false } ] }"""));

        Assert.Equal(EvaluationKind.Hidden, PolicyEvaluator.Evaluate(policy, "t", Arguments.None).Kind);
    }

    [Fact]
    public void Require_is_checked_before_deny_if()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "transfer", Arguments.Of("""{ "to": "acct-000" }"""));

        Assert.Equal(DecisionAction.InvalidArguments, evaluation.Refusal?.Action);
        Assert.Equal("/tools/transfer/require", evaluation.RulePointer);
    }

    [Fact]
    public void Deny_if_is_checked_before_the_schema()
    {
        var policy = Policies.Valid(Policies.WithTool("""
            { "deny_if": [ { "arg": "mode", "eq": "unsafe" } ], "arguments": { "properties": { "mode": { "maxLength": 2 } } } }
            """));

        var evaluation = PolicyEvaluator.Evaluate(policy, "t", Arguments.Of("""{ "mode": "unsafe" }"""));

        Assert.Equal(DecisionAction.Deny, evaluation.Refusal?.Action);
        Assert.Equal("/tools/t/deny_if/0", evaluation.RulePointer);
    }

    [Fact]
    public void Schema_is_checked_before_limits()
    {
        var policy = Policies.Valid(Policies.WithTool("""
            { "arguments": { "type": "object", "required": ["n"] },
              "limits": [ { "counter": "c", "window": "minute", "max": 5, "increment_from": "args.n" } ] }
            """));

        var evaluation = PolicyEvaluator.Evaluate(policy, "t", Arguments.None);

        Assert.Equal("/tools/t/arguments", evaluation.RulePointer);
        Assert.Empty(evaluation.Charges);
    }

    [Fact]
    public void Refused_calls_carry_no_charges()
    {
        var refused = new[]
        {
            PolicyEvaluator.Evaluate(Design, "get-env", Arguments.None),
            PolicyEvaluator.Evaluate(Design, "unlisted", Arguments.None),
            PolicyEvaluator.Evaluate(Design, "transfer", Arguments.None),
            PolicyEvaluator.Evaluate(Design, "transfer", Arguments.Of("""{ "amount": 5, "to": "acct-000" }""")),
            PolicyEvaluator.Evaluate(Design, "echo", Arguments.Of($$"""{ "message": "{{new string('m', 201)}}" }""")),
        };

        Assert.All(refused, evaluation =>
        {
            Assert.Equal(EvaluationKind.Refused, evaluation.Kind);
            Assert.Empty(evaluation.Charges);
            Assert.NotNull(evaluation.Refusal);
            Assert.Null(evaluation.Refusal.RetryAfterSeconds);
        });
    }

    [Theory]
    [InlineData("imageMasking", true)]
    [InlineData("echo", true)]
    [InlineData("deleteAll", true)]
    [InlineData("get-env", false)]
    [InlineData("debugDump", false)]
    [InlineData("unlisted", false)]
    public void IsListed_leaves_out_denied_hidden_and_default_denied_tools(string tool, bool expected)
    {
        Assert.Equal(expected, PolicyEvaluator.IsListed(Design, tool));
    }

    [Fact]
    public void IsListed_includes_unlisted_tools_under_default_allow()
    {
        Assert.True(PolicyEvaluator.IsListed(Policies.Valid("""{ "version": "1", "default": "allow" }"""), "anything"));
    }

    [Fact]
    public void Tool_names_are_escaped_in_rule_pointers()
    {
        var policy = Policies.Valid("""{ "version": "1", "tools": { "fs/rm~1": { "action": "deny" } } }""");

        Assert.Equal("/tools/fs~1rm~01/action", PolicyEvaluator.Evaluate(policy, "fs/rm~1", Arguments.None).RulePointer);
    }
}
