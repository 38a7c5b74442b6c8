namespace Gatehouse.Policy.Tests;

public sealed class RiskDefaultsReaderTests
{
    private static string WithRiskDefaults(string json) => $$"""{ "version": "1", "risk_defaults": {{json}} }""";

    [Fact]
    public void Absent_risk_defaults_are_empty()
    {
        Assert.Empty(Policies.Valid("""{ "version": "1" }""").RiskDefaults);
    }

    [Theory]
    [InlineData("allow", ToolAction.Allow)]
    [InlineData("deny", ToolAction.Deny)]
    [InlineData("hide", ToolAction.Hide)]
    public void Each_level_takes_an_action_name(string name, ToolAction action)
    {
        var policy = Policies.Valid(WithRiskDefaults($$"""{ "low": "{{name}}", "medium": "{{name}}", "high": "{{name}}" }"""));

        Assert.Equal(
            [new RiskDefault(RiskLevel.Low, action, null, null), new RiskDefault(RiskLevel.Medium, action, null, null), new RiskDefault(RiskLevel.High, action, null, null)],
            policy.RiskDefaults.Values.OrderBy(entry => entry.Risk));
    }

    [Fact]
    public void Approve_by_name_holds_with_the_default_approval()
    {
        var policy = Policies.Valid(WithRiskDefaults("""{ "high": "approve" }"""));

        Assert.Equal(new RiskDefault(RiskLevel.High, ToolAction.Approve, null, ApprovalRule.Default), policy.RiskDefaults[RiskLevel.High]);
    }

    [Fact]
    public void Object_form_takes_a_reason_and_an_approval()
    {
        var policy = Policies.Valid(WithRiskDefaults("""
            { "medium": { "action": "deny", "reason": "unreviewed writes" },
              "high": { "action": "approve", "approval": { "timeout": 60, "by": "user" } } }
            """));

        Assert.Equal(new RiskDefault(RiskLevel.Medium, ToolAction.Deny, "unreviewed writes", null), policy.RiskDefaults[RiskLevel.Medium]);
        Assert.Equal(new RiskDefault(RiskLevel.High, ToolAction.Approve, null, new ApprovalRule(60, ApprovalBy.User)), policy.RiskDefaults[RiskLevel.High]);
    }

    [Fact]
    public void Unknown_risk_level_is_a_fault()
    {
        Policies.HasOnlyFault(WithRiskDefaults("""{ "extreme": "deny" }"""), "risk_defaults.extreme", "unknown risk level 'extreme' (must be 'low', 'medium' or 'high')");
    }

    [Fact]
    public void Risk_levels_are_case_sensitive()
    {
        Policies.HasOnlyFault(WithRiskDefaults("""{ "High": "deny" }"""), "risk_defaults.High", "unknown risk level 'High'");
    }

    [Fact]
    public void Unknown_action_is_a_fault()
    {
        Policies.HasOnlyFault(WithRiskDefaults("""{ "high": "block" }"""), "risk_defaults.high", "must be 'allow', 'deny', 'hide' or 'approve', found 'block'");
    }

    [Fact]
    public void Value_of_the_wrong_type_is_a_fault()
    {
        Policies.HasOnlyFault(WithRiskDefaults("""{ "high": true }"""), "risk_defaults.high", "must be an action ('allow', 'deny', 'hide' or 'approve') or an object, found boolean");
    }

    [Fact]
    public void Risk_defaults_must_be_an_object()
    {
        Policies.HasOnlyFault(WithRiskDefaults("\"deny\""), "risk_defaults", "must be an object, found string");
    }

    [Fact]
    public void Duplicate_level_is_a_fault()
    {
        Policies.HasOnlyFault(WithRiskDefaults("""{ "high": "deny", "high": "allow" }"""), "risk_defaults.high", "duplicate key 'high'");
    }

    [Fact]
    public void Object_form_requires_an_action()
    {
        Policies.HasOnlyFault(WithRiskDefaults("""{ "high": { "reason": "r" } }"""), "risk_defaults.high.action", "is required");
    }

    [Fact]
    public void Object_form_refuses_unknown_keys()
    {
        Policies.HasOnlyFault(WithRiskDefaults("""{ "high": { "action": "deny", "limits": [] } }"""), "risk_defaults.high.limits", "unknown key 'limits'");
    }

    [Fact]
    public void Approval_is_only_allowed_with_approve()
    {
        Policies.HasOnlyFault(
            WithRiskDefaults("""{ "high": { "action": "deny", "approval": { "timeout": 5 } } }"""),
            "risk_defaults.high.approval",
            "is only allowed with action 'approve'");
    }

    [Fact]
    public void Faults_inside_the_approval_have_their_path()
    {
        Policies.HasOnlyFault(
            WithRiskDefaults("""{ "high": { "action": "approve", "approval": { "timeout": 0 } } }"""),
            "risk_defaults.high.approval.timeout",
            "must be a positive whole number of seconds");
    }

    [Fact]
    public void Every_fault_is_reported_at_once()
    {
        var faults = Policies.Faults(WithRiskDefaults("""{ "extreme": "deny", "low": "maybe", "medium": 3 }"""));

        Assert.Equal(["risk_defaults.extreme", "risk_defaults.low", "risk_defaults.medium"], faults.Select(fault => fault.Path));
    }
}
