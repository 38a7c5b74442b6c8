namespace Gatehouse.Policy.Tests;

public sealed class DecisionActionNamesTests
{
    [Theory]
    [InlineData(DecisionAction.Allow, "allow")]
    [InlineData(DecisionAction.Deny, "deny")]
    [InlineData(DecisionAction.RateLimited, "rate_limited")]
    [InlineData(DecisionAction.ApprovalDenied, "approval_denied")]
    [InlineData(DecisionAction.ApprovalTimeout, "approval_timeout")]
    [InlineData(DecisionAction.InvalidArguments, "invalid_arguments")]
    [InlineData(DecisionAction.ToolChanged, "tool_changed")]
    public void Every_action_has_its_wire_name(DecisionAction action, string expected)
    {
        Assert.Equal(expected, action.ToWire());
    }

    [Fact]
    public void Undefined_action_has_no_wire_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((DecisionAction)99).ToWire());
    }
}
