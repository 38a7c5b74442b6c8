namespace Gatehouse.Policy.Tests;

public sealed class ArgumentChecksTests
{
    private const string Secret = "SECRET-VALUE-7f3a";
    private static readonly PolicyDocument Design = Policies.Valid(Policies.DesignExample);

    [Fact]
    public void Missing_required_arguments_are_named()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "transfer", Arguments.Of($$"""{ "memo": "{{Secret}}" }"""));

        Assert.Equal(EvaluationKind.Refused, evaluation.Kind);
        Assert.Equal(
            new Decision(DecisionAction.InvalidArguments, "transfer", "Tool 'transfer' requires arguments that are missing: amount, to", null),
            evaluation.Refusal);
        Assert.Equal("/tools/transfer/require", evaluation.RulePointer);
    }

    [Fact]
    public void Null_counts_as_missing_for_require()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "transfer", Arguments.Of("""{ "amount": 5, "to": null }"""));

        Assert.EndsWith("missing: to", evaluation.Refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_arguments_at_all_miss_every_required_one()
    {
        Assert.EndsWith("missing: amount, to", PolicyEvaluator.Evaluate(Design, "transfer", Arguments.None).Refusal?.Message, StringComparison.Ordinal);
        Assert.EndsWith("missing: amount, to", PolicyEvaluator.Evaluate(Design, "transfer", Arguments.Of("null")).Refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matching_condition_denies_with_its_reason()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "transfer", Arguments.Of("""{ "amount": 5, "to": "acct-000" }"""));

        Assert.Equal(new Decision(DecisionAction.Deny, "transfer", "Call to tool 'transfer' is denied by policy: frozen account", null), evaluation.Refusal);
        Assert.Equal("/tools/transfer/deny_if/0", evaluation.RulePointer);
    }

    [Fact]
    public void Condition_without_a_reason_denies_with_a_generated_one_that_hides_the_value()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "transfer", Arguments.Of($$"""{ "amount": 5, "to": "acct-1", "memo": "x; DROP TABLE {{Secret}}" }"""));

        Assert.Equal("Call to tool 'transfer' is denied by policy: argument 'memo' matches a denied pattern", evaluation.Refusal?.Message);
        Assert.Equal("/tools/transfer/deny_if/1", evaluation.RulePointer);
        Assert.DoesNotContain(Secret, evaluation.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void First_matching_condition_decides()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "transfer", Arguments.Of("""{ "amount": 5, "to": "acct-000", "memo": "drop table" }"""));

        Assert.Equal("/tools/transfer/deny_if/0", evaluation.RulePointer);
    }

    [Fact]
    public void Condition_that_times_out_denies()
    {
        var policy = Policies.Valid(Policies.WithTool("""{ "deny_if": [ { "arg": "q", "regex": "^(a+)+$", "reason": "bad query" } ] }"""));

        var evaluation = PolicyEvaluator.Evaluate(policy, "t", Arguments.Of($$"""{ "q": "{{new string('a', 40)}}!" }"""));

        Assert.Equal("Call to tool 't' is denied by policy: argument check timed out", evaluation.Refusal?.Message);
    }

    [Fact]
    public void Schema_failure_lists_pointers_and_keywords_without_values()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "echo", Arguments.Of($$"""{ "message": "{{Secret}}{{new string('x', 200)}}" }"""));

        Assert.Equal(DecisionAction.InvalidArguments, evaluation.Refusal?.Action);
        Assert.Equal("echo", evaluation.Refusal?.Rule);
        Assert.StartsWith("Arguments of tool 'echo' do not match its schema: /message: maxLength", evaluation.Refusal?.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, evaluation.Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal("/tools/echo/arguments", evaluation.RulePointer);
    }

    [Fact]
    public void Schema_accepts_absent_arguments_as_an_empty_object()
    {
        Assert.Equal(EvaluationKind.Refused, PolicyEvaluator.Evaluate(Design, "get-env", Arguments.None).Kind);
        Assert.Equal(EvaluationKind.Admissible, PolicyEvaluator.Evaluate(Design, "echo", Arguments.None).Kind);
    }

    [Fact]
    public void No_refusal_message_contains_an_argument_value()
    {
        var policy = Policies.Valid(Policies.WithTool($$"""
            { "require": ["a"],
              "deny_if": [ { "arg": "b", "eq": "{{Secret}}" }, { "arg": "c", "in": ["{{Secret}}"] }, { "arg": "d", "gt": 1 } ],
              "arguments": { "properties": { "e": { "enum": ["ok"] }, "f": { "minimum": 100 } } },
              "limits": [ { "counter": "c", "window": "minute", "max": 5, "increment_from": "args.g" } ] }
            """));
        string[] calls =
        [
            $$"""{ "z": "{{Secret}}" }""",
            $$"""{ "a": 1, "b": "{{Secret}}" }""",
            $$"""{ "a": 1, "c": "{{Secret}}" }""",
            """{ "a": 1, "d": 777777 }""",
            $$"""{ "a": 1, "e": "{{Secret}}", "f": 31337 }""",
            $$"""{ "a": 1, "g": "{{Secret}}" }""",
            """{ "a": 1, "g": -424242 }""",
        ];

        foreach (var call in calls)
        {
            var message = PolicyEvaluator.Evaluate(policy, "t", Arguments.Of(call)).Refusal?.Message;
            Assert.NotNull(message);
            Assert.DoesNotContain(Secret, message, StringComparison.Ordinal);
            Assert.DoesNotContain("777777", message, StringComparison.Ordinal);
            Assert.DoesNotContain("31337", message, StringComparison.Ordinal);
            Assert.DoesNotContain("424242", message, StringComparison.Ordinal);
        }
    }
}
