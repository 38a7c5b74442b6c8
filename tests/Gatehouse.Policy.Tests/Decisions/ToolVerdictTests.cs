namespace Gatehouse.Policy.Tests;

public sealed class ToolVerdictTests
{
    private static readonly PolicyDocument Policy = Policies.Valid("""
        { "version": "1", "default": "deny",
          "risk_defaults": { "low": "allow", "high": { "action": "deny", "reason": "too dangerous" } },
          "all_tools": { "limits": [ { "counter": "total", "window": "hour", "max": 100 } ] },
          "tools": {
            "get-env": { "action": "deny", "reason": "exposes server secrets" },
            "debug": { "action": "hide" },
            "wipe": { "action": "approve" },
            "echo": { "require": ["message"], "deny_if": [ { "arg": "message", "eq": "x" } ],
                      "limits": [ { "counter": "echoes", "window": "minute", "max": 5 } ] }
          } }
        """);

    [Fact]
    public void A_denied_tool_names_its_reason_and_spends_nothing()
    {
        var verdict = ToolVerdict.Of(Policy, "get-env");

        Assert.Equal(("deny", "/tools/get-env/action"), (verdict.Action, verdict.RulePointer));
        Assert.Equal("listed under tools: deny (exposes server secrets)", verdict.Why);
        Assert.Empty(verdict.Counters);
    }

    [Fact]
    public void A_hidden_tool_is_hide()
    {
        Assert.Equal("hide", ToolVerdict.Of(Policy, "debug").Action);
    }

    [Fact]
    public void An_allowed_tool_lists_its_conditions_and_counters_all_tools_first()
    {
        var verdict = ToolVerdict.Of(Policy, "echo");

        Assert.Equal(("allow", "/tools/echo"), (verdict.Action, verdict.RulePointer));
        Assert.Equal(["require", "deny_if"], verdict.Conditions);
        Assert.Equal(["total", "echoes"], verdict.Counters);
    }

    [Fact]
    public void An_approved_tool_points_at_its_action()
    {
        var verdict = ToolVerdict.Of(Policy, "wipe");

        Assert.Equal(("approve", "/tools/wipe/action"), (verdict.Action, verdict.RulePointer));
        Assert.Equal(["total"], verdict.Counters);
    }

    [Fact]
    public void An_unlisted_tool_of_known_risk_gets_its_risk_default()
    {
        var high = ToolVerdict.Of(Policy, "drop_table", new ToolDescription("drop_table", null, ToolAnnotationsHints.None));
        var low = ToolVerdict.Of(Policy, "read_file", new ToolDescription("read_file", null, new ToolAnnotationsHints(true, null, null, false)));

        Assert.Equal(("deny", "/risk_defaults/high", "not listed under tools; high-risk tools: deny (too dangerous)"), (high.Action, high.RulePointer, high.Why));
        Assert.Equal(("allow", "/risk_defaults/low"), (low.Action, low.RulePointer));
        Assert.Equal(["total"], low.Counters);
    }

    [Fact]
    public void An_unlisted_tool_without_a_risk_default_gets_the_default()
    {
        var medium = ToolVerdict.Of(Policy, "create_note", new ToolDescription("create_note", null, new ToolAnnotationsHints(false, false, null, false)));

        Assert.Equal(("deny", "/default", "not listed under tools; default: deny"), (medium.Action, medium.RulePointer, medium.Why));
        Assert.Empty(medium.Counters);
    }

    [Fact]
    public void The_verdict_agrees_with_the_list_rule()
    {
        foreach (var tool in new[] { "get-env", "debug", "wipe", "echo", "unknown" })
        {
            var listed = ToolVerdict.Of(Policy, tool).Action is "allow" or "approve";
            Assert.Equal(PolicyEvaluator.IsListed(Policy, tool), listed);
        }
    }
}
