namespace Gatehouse.Policy.Tests;

public sealed class ChargeCalculatorTests
{
    private static readonly PolicyDocument Design = Policies.Valid(Policies.DesignExample);

    [Theory]
    [InlineData("250", 250)]
    [InlineData("0.01", 0.01)]
    [InlineData("1e3", 1000)]
    public void Increment_from_spends_the_argument_value(string amount, double expected)
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "transfer", Arguments.Of($$"""{ "amount": {{amount}}, "to": "acct-1" }"""));

        Assert.Equal(EvaluationKind.Admissible, evaluation.Kind);
        Assert.Equal(
            [("everything_total", 1m, "/all_tools/limits/0"), ("spend", (decimal)expected, "/tools/transfer/limits/0")],
            evaluation.Charges.Select(charge => (charge.Limit.Counter, charge.Cost, charge.RulePointer)));
    }

    [Fact]
    public void Cost_above_the_limit_is_still_charged_for_the_counter_to_refuse()
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "transfer", Arguments.Of("""{ "amount": 9000, "to": "acct-1" }"""));

        Assert.Equal(9000m, evaluation.Charges[1].Cost);
    }

    [Theory]
    [InlineData("""{ "amount": "250", "to": "acct-1" }""")]
    [InlineData("""{ "amount": 0, "to": "acct-1" }""")]
    [InlineData("""{ "amount": -5, "to": "acct-1" }""")]
    [InlineData("""{ "amount": 1e300, "to": "acct-1" }""")]
    [InlineData("""{ "amount": [1], "to": "acct-1" }""")]
    public void Increment_from_argument_that_is_not_a_positive_number_is_invalid(string arguments)
    {
        var evaluation = PolicyEvaluator.Evaluate(Design, "transfer", Arguments.Of(arguments));

        Assert.Equal(EvaluationKind.Refused, evaluation.Kind);
        Assert.Equal(
            new Decision(
                DecisionAction.InvalidArguments,
                "transfer",
                "Argument 'amount' of tool 'transfer' must be a positive number: it is the amount spent from limit 'spend'",
                null),
            evaluation.Refusal);
        Assert.Equal("/tools/transfer/limits/0/increment_from", evaluation.RulePointer);
        Assert.Empty(evaluation.Charges);
    }

    [Fact]
    public void Increment_from_in_all_tools_applies_to_unlisted_tools()
    {
        var policy = Policies.Valid("""
            { "version": "1", "default": "allow",
              "all_tools": { "limits": [ { "counter": "bytes", "window": "day", "max": 1e6, "increment_from": "args.size" } ] } }
            """);

        Assert.Equal(512m, Assert.Single(PolicyEvaluator.Evaluate(policy, "upload", Arguments.Of("""{ "size": 512 }""")).Charges).Cost);
        var missing = PolicyEvaluator.Evaluate(policy, "upload", Arguments.None);
        Assert.Equal(DecisionAction.InvalidArguments, missing.Refusal?.Action);
        Assert.Equal("/all_tools/limits/0/increment_from", missing.RulePointer);
    }

    [Fact]
    public void Approval_charges_are_computed_like_admissible_ones()
    {
        var policy = Policies.Valid(Policies.WithTool("""
            { "action": "approve", "limits": [ { "counter": "c", "window": "day", "max": 10, "increment_from": "args.n" } ] }
            """));

        var evaluation = PolicyEvaluator.Evaluate(policy, "t", Arguments.Of("""{ "n": 3 }"""));

        Assert.Equal(EvaluationKind.NeedsApproval, evaluation.Kind);
        Assert.Equal(3m, Assert.Single(evaluation.Charges).Cost);
        Assert.Equal(new ApprovalRule(300, ApprovalBy.Operator), evaluation.Approval);
    }
}
