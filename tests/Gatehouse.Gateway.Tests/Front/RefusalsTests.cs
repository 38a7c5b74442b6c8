using Gatehouse.Gateway.Front;
using Gatehouse.Policy;

namespace Gatehouse.Gateway.Tests.Front;

public sealed class RefusalsTests
{
    [Fact]
    public void Rate_limited_refusal_has_the_documented_shape()
    {
        var result = Refusals.Of(new Decision(DecisionAction.RateLimited, "imagemasking_rate", "Rate limit reached; try again in 42 s.", 42));

        Assert.Equal(
            """{"content":[{"type":"text","text":"Rate limit reached; try again in 42 s."}],"isError":true,"_meta":{"gatehouse/decision":{"action":"rate_limited","rule":"imagemasking_rate","retryAfterSeconds":42}}}""",
            result.ToJsonString());
    }

    [Fact]
    public void Deny_refusal_carries_no_retry_after() =>
        Assert.Equal(
            """{"gatehouse/decision":{"action":"deny","rule":"get-env"}}""",
            Refusals.Of(new Decision(DecisionAction.Deny, "get-env", "denied", null))["_meta"]!.ToJsonString());

    [Fact]
    public void Unavailable_refusal_tells_when_to_try_again() =>
        Assert.Equal(
            """{"gatehouse/decision":{"action":"unavailable","rule":"spend","retryAfterSeconds":2}}""",
            Refusals.Of(new Decision(DecisionAction.Unavailable, "spend", "could not check", 2))["_meta"]!.ToJsonString());
}
