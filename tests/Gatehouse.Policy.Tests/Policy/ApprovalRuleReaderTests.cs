namespace Gatehouse.Policy.Tests;

public sealed class ApprovalRuleReaderTests
{
    private static string Approval(string approvalJson) => Policies.WithTool($$"""{ "action": "approve", "approval": {{approvalJson}} }""");

    [Fact]
    public void Timeout_and_by_are_read()
    {
        Assert.Equal(new ApprovalRule(120, ApprovalBy.User), Policies.Valid(Approval("""{ "timeout": 120, "by": "user" }""")).Tools["t"].Approval);
    }

    [Fact]
    public void Empty_approval_gets_300_seconds_by_an_operator()
    {
        Assert.Equal(new ApprovalRule(300, ApprovalBy.Operator), Policies.Valid(Approval("{}")).Tools["t"].Approval);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("86400", 86_400)]
    [InlineData("60.0", 60)]
    public void Timeout_accepts_whole_seconds_up_to_a_day(string timeout, int expected)
    {
        Assert.Equal(expected, Policies.Valid(Approval($$"""{ "timeout": {{timeout}} }""")).Tools["t"].Approval!.TimeoutSeconds);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("86401")]
    [InlineData("1e30")]
    public void Timeout_outside_one_second_to_a_day_is_a_fault(string timeout)
    {
        Policies.HasOnlyFault(Approval($$"""{ "timeout": {{timeout}} }"""), "tools.t.approval.timeout", "must be a positive whole number of seconds, at most 86400");
    }

    [Fact]
    public void Timeout_as_a_string_names_the_expected_type()
    {
        Policies.HasOnlyFault(Approval("""{ "timeout": "120" }"""), "tools.t.approval.timeout", "must be a number of seconds, found string");
    }

    [Fact]
    public void By_other_than_operator_or_user_is_a_fault()
    {
        Policies.HasOnlyFault(Approval("""{ "by": "admin" }"""), "tools.t.approval.by", "must be 'operator' or 'user', found 'admin'");
    }

    [Fact]
    public void Approval_must_be_an_object()
    {
        Policies.HasOnlyFault(Approval("120"), "tools.t.approval", "must be an object, found number");
    }

    [Fact]
    public void Unknown_key_in_approval_is_a_fault()
    {
        Policies.HasOnlyFault(Approval("""{ "timout": 5 }"""), "tools.t.approval.timout", "unknown key 'timout'");
    }
}
