namespace Gatehouse.Policy.Tests;

public sealed class ToolRuleReaderTests
{
    [Fact]
    public void Empty_rule_allows_with_nothing_to_check()
    {
        var rule = Policies.Valid(Policies.WithTool("{}")).Tools["t"];

        Assert.Equal(new ToolRule("t", ToolAction.Allow, null, null, rule.Require, rule.DenyIf, null, rule.Limits), rule);
        Assert.Empty(rule.Require);
        Assert.Empty(rule.DenyIf);
        Assert.Empty(rule.Limits);
    }

    [Theory]
    [InlineData("allow", ToolAction.Allow)]
    [InlineData("deny", ToolAction.Deny)]
    [InlineData("hide", ToolAction.Hide)]
    [InlineData("approve", ToolAction.Approve)]
    public void Every_action_is_accepted(string name, ToolAction expected)
    {
        Assert.Equal(expected, Policies.Valid(Policies.WithTool($$"""{ "action": "{{name}}" }""")).Tools["t"].Action);
    }

    [Fact]
    public void Unknown_action_is_a_fault()
    {
        Policies.HasOnlyFault(Policies.WithTool("""{ "action": "block" }"""), "tools.t.action", "must be 'allow', 'deny', 'hide' or 'approve', found 'block'");
    }

    [Fact]
    public void Audit_arguments_is_off_unless_the_tool_asks()
    {
        Assert.False(Policies.Valid(Policies.WithTool("{}")).Tools["t"].AuditArguments);
        Assert.True(Policies.Valid(Policies.WithTool("""{ "audit_arguments": true }""")).Tools["t"].AuditArguments);
        Policies.HasOnlyFault(Policies.WithTool("""{ "audit_arguments": "yes" }"""), "tools.t.audit_arguments", "must be a boolean, found string");
    }

    [Fact]
    public void Unknown_key_in_a_tool_is_a_fault()
    {
        Policies.HasOnlyFault(Policies.WithTool("""{ "acton": "deny" }"""), "tools.t.acton", "unknown key 'acton'");
    }

    [Fact]
    public void Reason_is_accepted_with_any_action()
    {
        Assert.Equal("why", Policies.Valid(Policies.WithTool("""{ "action": "allow", "reason": "why" }""")).Tools["t"].Reason);
    }

    [Fact]
    public void Reason_must_be_a_string()
    {
        Policies.HasOnlyFault(Policies.WithTool("""{ "action": "deny", "reason": 7 }"""), "tools.t.reason", "must be a string, found number");
    }

    [Fact]
    public void Approve_without_approval_object_gets_the_default_approval()
    {
        Assert.Equal(new ApprovalRule(300, ApprovalBy.Operator), Policies.Valid(Policies.WithTool("""{ "action": "approve" }""")).Tools["t"].Approval);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"action\": \"allow\",")]
    [InlineData("\"action\": \"deny\",")]
    public void Approval_without_action_approve_is_a_fault(string action)
    {
        Policies.HasOnlyFault(Policies.WithTool($$"""{ {{action}} "approval": { "timeout": 10 } }"""), "tools.t.approval", "only allowed with action 'approve'");
    }

    [Fact]
    public void Approval_with_an_unknown_action_reports_only_the_action()
    {
        Policies.HasOnlyFault(Policies.WithTool("""{ "action": "hold", "approval": {} }"""), "tools.t.action", "found 'hold'");
    }

    [Fact]
    public void Require_lists_argument_names()
    {
        Assert.Equal(["a", "b"], Policies.Valid(Policies.WithTool("""{ "require": ["a", "b"] }""")).Tools["t"].Require);
    }

    [Fact]
    public void Require_must_be_an_array()
    {
        Policies.HasOnlyFault(Policies.WithTool("""{ "require": "a" }"""), "tools.t.require", "must be an array, found string");
    }

    [Fact]
    public void Require_entries_must_be_non_empty_strings()
    {
        var faults = Policies.Faults(Policies.WithTool("""{ "require": ["a", "", 3] }"""));

        Assert.Equal(2, faults.Count);
        Policies.HasFault(faults, "tools.t.require[1]", "must be a non-empty string");
        Policies.HasFault(faults, "tools.t.require[2]", "must be a non-empty string, found number");
    }

    [Fact]
    public void Deny_if_must_be_an_array_of_objects()
    {
        Policies.HasOnlyFault(Policies.WithTool("""{ "deny_if": { "arg": "a", "eq": 1 } }"""), "tools.t.deny_if", "must be an array, found object");
        Policies.HasOnlyFault(Policies.WithTool("""{ "deny_if": [ "a" ] }"""), "tools.t.deny_if[0]", "must be an object, found string");
    }

    [Fact]
    public void Limits_must_be_an_array()
    {
        Policies.HasOnlyFault(Policies.WithTool("""{ "limits": { "counter": "c" } }"""), "tools.t.limits", "must be an array, found object");
    }

    [Fact]
    public void Faults_in_several_parts_of_one_tool_are_all_reported()
    {
        var faults = Policies.Faults(Policies.WithTool("""
            { "action": "approve", "approval": { "timeout": 0 }, "require": [1], "arguments": 5,
              "limits": [ { "window": "minute", "max": 1 } ] }
            """));

        Assert.Equal(["tools.t.approval.timeout", "tools.t.require[0]", "tools.t.arguments", "tools.t.limits[0].counter"], faults.Select(fault => fault.Path));
    }
}
