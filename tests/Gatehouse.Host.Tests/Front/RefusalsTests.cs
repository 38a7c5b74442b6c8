using Gatehouse.Host.Front;
using Gatehouse.Policy;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Host.Tests.Front;

public sealed class RefusalsTests
{
    [Fact]
    public void Rate_limited_refusal_has_the_documented_shape()
    {
        var result = Refusals.Of(new Decision(DecisionAction.RateLimited, "imagemasking_rate", "Rate limit reached; try again in 42 s.", 42));

        Assert.True(result.IsError);
        Assert.Equal("Rate limit reached; try again in 42 s.", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.Equal("""{"gatehouse/decision":{"action":"rate_limited","rule":"imagemasking_rate","retryAfterSeconds":42}}""", result.Meta!.ToJsonString());
    }

    [Fact]
    public void Deny_refusal_carries_no_retry_after() =>
        Assert.Equal(
            """{"gatehouse/decision":{"action":"deny","rule":"get-env"}}""",
            Refusals.Of(new Decision(DecisionAction.Deny, "get-env", "denied", null)).Meta!.ToJsonString());
}
