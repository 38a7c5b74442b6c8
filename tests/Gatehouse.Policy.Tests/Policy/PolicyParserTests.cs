using System.Text;

namespace Gatehouse.Policy.Tests;

public sealed class PolicyParserTests
{
    [Fact]
    public void Design_example_parses_with_every_rule_in_place()
    {
        var policy = Policies.Valid(Policies.DesignExample);

        Assert.Equal("1", policy.Version);
        Assert.Equal(DefaultAction.Deny, policy.Default);
        Assert.Equal(
            new LimitRule("everything_total", new WindowSpec(3600), 500m, LimitScope.Grant, WindowAlgorithm.Fixed, null),
            Assert.Single(policy.AllToolsLimits));
        Assert.Equal(["imageMasking", "get-env", "debugDump", "deleteAll", "echo", "transfer"], policy.Tools.Keys);

        var getEnv = policy.Tools["get-env"];
        Assert.Equal(ToolAction.Deny, getEnv.Action);
        Assert.Equal("exposes server secrets", getEnv.Reason);
        Assert.Equal(ToolAction.Hide, policy.Tools["debugDump"].Action);
        Assert.Equal(new ApprovalRule(120, ApprovalBy.Operator), policy.Tools["deleteAll"].Approval);
        Assert.NotNull(policy.Tools["echo"].Arguments);
        Assert.Equal(ToolAction.Allow, policy.Tools["echo"].Action);
    }

    [Fact]
    public void Design_example_transfer_rule_holds_require_deny_if_and_spend_limit()
    {
        var transfer = Policies.Valid(Policies.DesignExample).Tools["transfer"];

        Assert.Equal(["amount", "to"], transfer.Require);
        Assert.Collection(
            transfer.DenyIf,
            first => Assert.Equal(("to", ConditionKind.In, "frozen account"), (first.Arg, first.Kind, first.Reason)),
            second => Assert.Equal(("memo", ConditionKind.Regex, (string?)null), (second.Arg, second.Kind, second.Reason)));
        var spend = Assert.Single(transfer.Limits);
        Assert.Equal(new LimitRule("spend", new WindowSpec(86_400), 5000m, LimitScope.Grant, WindowAlgorithm.Fixed, "amount"), spend);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var policy = Policies.Valid("""
            // the smallest useful policy
            {
              "version": "2", /* a block comment */
              "default": "allow",
            }
            """);

        Assert.Equal(DefaultAction.Allow, policy.Default);
    }

    [Fact]
    public void Utf8_bytes_with_a_byte_order_mark_parse()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{ "version": "3" }""")).ToArray();

        var result = PolicyParser.Parse(bytes);

        Assert.True(result.IsValid);
        Assert.Equal("3", result.Policy!.Version);
    }

    [Fact]
    public void Minimal_document_gets_the_defaults()
    {
        var policy = Policies.Valid("""{ "version": "1" }""");

        Assert.Equal(DefaultAction.Deny, policy.Default);
        Assert.Empty(policy.AllToolsLimits);
        Assert.Empty(policy.Tools);
    }

    [Fact]
    public void Invalid_json_is_one_fault_with_line_and_position()
    {
        Policies.HasOnlyFault("{\n  \"version\": \"1\",\n  \"tools\": { oops }\n}", "$", "invalid JSON at line 3, byte 14");
    }

    [Fact]
    public void Content_after_the_policy_object_is_invalid_json()
    {
        Policies.HasOnlyFault("""{ "version": "1" } x""", "$", "invalid JSON at line 1");
    }

    [Fact]
    public void Empty_text_is_invalid_json()
    {
        Policies.HasOnlyFault("   ", "$", "invalid JSON");
    }

    [Theory]
    [InlineData("[]", "found array")]
    [InlineData("\"policy\"", "found string")]
    [InlineData("42", "found number")]
    [InlineData("null", "found null")]
    public void Document_that_is_not_an_object_is_one_fault_at_the_root(string json, string found)
    {
        Policies.HasOnlyFault(json, "$", found);
    }

    [Fact]
    public void Every_fault_is_collected_in_one_pass()
    {
        var faults = Policies.Faults("""
            {
              "default": "maybe",
              "tools": {
                "a": { "action": "explode" },
                "b": { "limits": [ { "counter": "c", "window": "week", "max": -1 } ] },
                "c": { "deny_if": [ { "arg": "x" } ], "require": [""] }
              }
            }
            """);

        Assert.Equal(
            ["version", "default", "tools.a.action", "tools.b.limits[0].window", "tools.b.limits[0].max", "tools.c.require[0]", "tools.c.deny_if[0]"],
            faults.Select(fault => fault.Path));
    }

    [Fact]
    public void Faults_render_as_path_colon_message()
    {
        Assert.Equal("tools.echo.limits[0].max: is required", new PolicyFault("tools.echo.limits[0].max", "is required").ToString());
    }
}
