namespace Gatehouse.Policy.Tests;

public sealed class DenyConditionReaderTests
{
    private static string Condition(string conditionJson) => Policies.WithTool($$"""{ "deny_if": [ {{conditionJson}} ] }""");

    [Theory]
    [InlineData("\"eq\": \"x\"", ConditionKind.Eq)]
    [InlineData("\"eq\": null", ConditionKind.Eq)]
    [InlineData("\"eq\": { \"nested\": [1] }", ConditionKind.Eq)]
    [InlineData("\"in\": [1, \"a\"]", ConditionKind.In)]
    [InlineData("\"lt\": 0", ConditionKind.Lt)]
    [InlineData("\"gt\": 2.5", ConditionKind.Gt)]
    [InlineData("\"regex\": \"^a+$\"", ConditionKind.Regex)]
    [InlineData("\"exists\": false", ConditionKind.Exists)]
    public void Every_operator_is_accepted(string operatorJson, ConditionKind expected)
    {
        var condition = Assert.Single(Policies.Valid(Condition($$"""{ "arg": "a", {{operatorJson}} }""")).Tools["t"].DenyIf);

        Assert.Equal(("a", expected, (string?)null), (condition.Arg, condition.Kind, condition.Reason));
    }

    [Fact]
    public void Reason_is_kept()
    {
        Assert.Equal("no", Assert.Single(Policies.Valid(Condition("""{ "arg": "a", "eq": 1, "reason": "no" }""")).Tools["t"].DenyIf).Reason);
    }

    [Fact]
    public void Missing_arg_is_a_fault()
    {
        Policies.HasOnlyFault(Condition("""{ "eq": 1 }"""), "tools.t.deny_if[0].arg", "is required");
    }

    [Fact]
    public void Empty_arg_is_a_fault()
    {
        Policies.HasOnlyFault(Condition("""{ "arg": "", "eq": 1 }"""), "tools.t.deny_if[0].arg", "must not be empty");
    }

    [Fact]
    public void Condition_without_an_operator_is_a_fault()
    {
        Policies.HasOnlyFault(Condition("""{ "arg": "a" }"""), "tools.t.deny_if[0]", "needs one of 'eq', 'in', 'lt', 'gt', 'regex' or 'exists'");
    }

    [Fact]
    public void Condition_with_two_operators_is_a_fault()
    {
        Policies.HasOnlyFault(Condition("""{ "arg": "a", "eq": 1, "gt": 0 }"""), "tools.t.deny_if[0]", "has 'eq' and 'gt'; exactly one operator is allowed");
    }

    [Fact]
    public void In_must_be_an_array()
    {
        Policies.HasOnlyFault(Condition("""{ "arg": "a", "in": "acct-000" }"""), "tools.t.deny_if[0].in", "must be an array, found string");
    }

    [Theory]
    [InlineData("lt")]
    [InlineData("gt")]
    public void Lt_and_gt_must_be_numbers(string op)
    {
        Policies.HasOnlyFault(Condition($$"""{ "arg": "a", "{{op}}": "10" }"""), $"tools.t.deny_if[0].{op}", "must be a number, found string");
    }

    [Fact]
    public void Regex_must_be_a_string()
    {
        Policies.HasOnlyFault(Condition("""{ "arg": "a", "regex": 5 }"""), "tools.t.deny_if[0].regex", "must be a string, found number");
    }

    [Fact]
    public void Regex_that_does_not_compile_is_a_fault()
    {
        Policies.HasOnlyFault(Condition("""{ "arg": "a", "regex": "(unclosed" }"""), "tools.t.deny_if[0].regex", "is not a valid regular expression");
    }

    [Fact]
    public void Exists_must_be_a_boolean()
    {
        Policies.HasOnlyFault(Condition("""{ "arg": "a", "exists": "yes" }"""), "tools.t.deny_if[0].exists", "must be a boolean, found string");
    }

    [Fact]
    public void Unknown_key_in_a_condition_is_a_fault()
    {
        Policies.HasOnlyFault(Condition("""{ "arg": "a", "eq": 1, "why": "x" }"""), "tools.t.deny_if[0].why", "unknown key 'why'");
    }

    [Fact]
    public void Faults_of_later_conditions_carry_their_index()
    {
        Policies.HasOnlyFault(
            Policies.WithTool("""{ "deny_if": [ { "arg": "a", "eq": 1 }, { "arg": "b", "lt": true } ] }"""),
            "tools.t.deny_if[1].lt",
            "must be a number, found boolean");
    }
}
