namespace Gatehouse.Policy.Tests;

public sealed class DenyConditionTests
{
    private static DenyCondition Condition(string operatorJson) =>
        Assert.Single(Policies.Valid(Policies.WithTool($$"""{ "deny_if": [ { "arg": "a", {{operatorJson}} } ] }""")).Tools["t"].DenyIf);

    private static bool Matches(string operatorJson, string argumentsJson) =>
        Condition(operatorJson).Matches(Arguments.Of(argumentsJson));

    [Theory]
    [InlineData("""{ "a": "x" }""", true)]
    [InlineData("""{ "a": "X" }""", false)]
    [InlineData("""{ "a": ["x"] }""", false)]
    [InlineData("""{ "b": "x" }""", false)]
    public void Eq_compares_strings_ordinally(string arguments, bool expected)
    {
        Assert.Equal(expected, Matches("\"eq\": \"x\"", arguments));
    }

    [Theory]
    [InlineData("""{ "a": 1 }""")]
    [InlineData("""{ "a": 1.0 }""")]
    [InlineData("""{ "a": 1e0 }""")]
    public void Eq_compares_numbers_numerically(string arguments)
    {
        Assert.True(Matches("\"eq\": 1", arguments));
    }

    [Fact]
    public void Eq_compares_objects_and_arrays_structurally()
    {
        Assert.True(Matches("""
            "eq": { "k": [1, "v"], "j": true }
            """, """{ "a": { "j": true, "k": [1.0, "v"] } }"""));
        Assert.False(Matches("""
            "eq": { "k": [1, "v"] }
            """, """{ "a": { "k": ["v", 1] } }"""));
    }

    [Fact]
    public void Eq_null_matches_only_a_present_null()
    {
        Assert.True(Matches("\"eq\": null", """{ "a": null }"""));
        Assert.False(Matches("\"eq\": null", "{}"));
    }

    [Theory]
    [InlineData("""{ "a": "acct-000" }""", true)]
    [InlineData("""{ "a": 7 }""", true)]
    [InlineData("""{ "a": 7.00 }""", true)]
    [InlineData("""{ "a": "acct-001" }""", false)]
    [InlineData("""{ "a": "7" }""", false)]
    public void In_matches_any_equal_element(string arguments, bool expected)
    {
        Assert.Equal(expected, Matches("""
            "in": ["acct-000", 7]
            """, arguments));
    }

    [Theory]
    [InlineData("""{ "a": 9.99 }""", true)]
    [InlineData("""{ "a": 10 }""", false)]
    [InlineData("""{ "a": -1e300 }""", true)]
    [InlineData("""{ "a": "5" }""", false)]
    [InlineData("""{ "a": null }""", false)]
    public void Lt_matches_numbers_below_the_operand(string arguments, bool expected)
    {
        Assert.Equal(expected, Matches("\"lt\": 10", arguments));
    }

    [Theory]
    [InlineData("""{ "a": 10.01 }""", true)]
    [InlineData("""{ "a": 10 }""", false)]
    [InlineData("""{ "a": 1e400 }""", true)]
    [InlineData("""{ "a": [11] }""", false)]
    public void Gt_matches_numbers_above_the_operand(string arguments, bool expected)
    {
        Assert.Equal(expected, Matches("\"gt\": 10", arguments));
    }

    [Theory]
    [InlineData("""{ "a": "please DROP   TABLE users" }""", true)]
    [InlineData("""{ "a": "drop tables" }""", true)]
    [InlineData("""{ "a": "droptable" }""", false)]
    [InlineData("""{ "a": 5 }""", false)]
    public void Regex_matches_strings_only(string arguments, bool expected)
    {
        Assert.Equal(expected, Matches("""
            "regex": "(?i)drop\\s+table"
            """, arguments));
    }

    [Fact]
    public void Regex_that_times_out_counts_as_a_match()
    {
        var condition = Condition("""
            "regex": "^(a+)+$"
            """);
        var arguments = Arguments.Of($$"""{ "a": "{{new string('a', 40)}}!" }""");

        Assert.True(condition.Matches(arguments));
        Assert.Equal(ConditionOutcome.TimedOut, condition.Check(arguments));
    }

    [Theory]
    [InlineData("""{ "a": 0 }""", true)]
    [InlineData("""{ "a": false }""", true)]
    [InlineData("""{ "a": null }""", false)]
    [InlineData("{}", false)]
    public void Exists_true_matches_a_present_non_null_argument(string arguments, bool expected)
    {
        Assert.Equal(expected, Matches("\"exists\": true", arguments));
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{ "a": null }""", true)]
    [InlineData("""{ "a": "" }""", false)]
    public void Exists_false_matches_an_absent_argument(string arguments, bool expected)
    {
        Assert.Equal(expected, Matches("\"exists\": false", arguments));
    }

    [Theory]
    [InlineData("\"eq\": 1")]
    [InlineData("\"in\": [1]")]
    [InlineData("\"lt\": 1")]
    [InlineData("\"gt\": 1")]
    [InlineData("\"regex\": \".*\"")]
    [InlineData("\"exists\": true")]
    public void Absent_arguments_match_nothing_but_exists_false(string operatorJson)
    {
        var condition = Condition(operatorJson);

        Assert.False(condition.Matches(Arguments.None));
        Assert.False(condition.Matches(Arguments.Of("null")));
        Assert.False(condition.Matches(Arguments.Of("{}")));
    }

    [Fact]
    public void Exists_false_matches_when_no_arguments_are_given()
    {
        Assert.True(Condition("\"exists\": false").Matches(Arguments.None));
    }

    [Theory]
    [InlineData("\"eq\": \"v\"", "argument 'a' has a denied value")]
    [InlineData("\"in\": [\"v\"]", "argument 'a' is in a denied list")]
    [InlineData("\"lt\": 5", "argument 'a' is less than 5")]
    [InlineData("\"gt\": 5", "argument 'a' is greater than 5")]
    [InlineData("\"regex\": \"v\"", "argument 'a' matches a denied pattern")]
    [InlineData("\"exists\": true", "argument 'a' must not be given")]
    [InlineData("\"exists\": false", "argument 'a' must be given")]
    public void Generated_reasons_name_the_argument_not_its_value(string operatorJson, string expected)
    {
        Assert.Equal(expected, Condition(operatorJson).Explain(ConditionOutcome.Match));
    }

    [Fact]
    public void Configured_reason_wins_except_on_timeout()
    {
        var condition = Assert.Single(Policies.Valid(Policies.WithTool("""{ "deny_if": [ { "arg": "a", "eq": 1, "reason": "frozen" } ] }""")).Tools["t"].DenyIf);

        Assert.Equal("frozen", condition.Explain(ConditionOutcome.Match));
        Assert.Equal("argument check timed out", condition.Explain(ConditionOutcome.TimedOut));
    }
}
