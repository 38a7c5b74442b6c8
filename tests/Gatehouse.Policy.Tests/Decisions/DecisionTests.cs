namespace Gatehouse.Policy.Tests;

public sealed class DecisionTests
{
    private static readonly LimitRule TenPerMinute = new("imagemasking_rate", new WindowSpec(60), 10, LimitScope.Grant, WindowAlgorithm.Fixed, null);

    private static WindowDecision RefusedFor(TimeSpan wait) => new(false, 0, wait, Times.Midnight.AddMinutes(1));

    [Fact]
    public void Rate_limited_names_the_counter_the_limit_and_the_wait()
    {
        var decision = Decision.RateLimited(TenPerMinute, RefusedFor(TimeSpan.FromSeconds(42)));

        Assert.Equal(
            new Decision(DecisionAction.RateLimited, "imagemasking_rate", "Rate limit 'imagemasking_rate' reached (10 per minute); try again in 42 s.", 42),
            decision);
    }

    [Theory]
    [InlineData(41_200, 42)]
    [InlineData(41_001, 42)]
    [InlineData(42_000, 42)]
    [InlineData(300, 1)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    [InlineData(86_400_000, 86_400)]
    public void Retry_after_rounds_up_to_whole_seconds_and_is_at_least_one(int milliseconds, int expected)
    {
        var decision = Decision.RateLimited(TenPerMinute, RefusedFor(TimeSpan.FromMilliseconds(milliseconds)));

        Assert.Equal(expected, decision.RetryAfterSeconds);
        Assert.Contains($"try again in {expected} s", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_after_rounds_up_a_single_tick()
    {
        Assert.Equal(2, Decision.RateLimited(TenPerMinute, RefusedFor(TimeSpan.FromSeconds(1) + TimeSpan.FromTicks(1))).RetryAfterSeconds);
    }

    [Fact]
    public void Cost_that_can_never_fit_has_no_retry()
    {
        var decision = Decision.RateLimited(TenPerMinute, RefusedFor(TimeSpan.MaxValue));

        Assert.Null(decision.RetryAfterSeconds);
        Assert.Equal(DecisionAction.RateLimited, decision.Action);
        Assert.Equal("Rate limit 'imagemasking_rate' (10 per minute) can never admit this call: its cost is more than the whole limit.", decision.Message);
    }

    [Fact]
    public void Decimal_limits_and_odd_windows_read_naturally()
    {
        var limit = TenPerMinute with { Counter = "spend", Max = 2.50m, Window = new WindowSpec(90) };

        Assert.StartsWith("Rate limit 'spend' reached (2.5 per 90 s);", Decision.RateLimited(limit, RefusedFor(TimeSpan.FromSeconds(3))).Message, StringComparison.Ordinal);
    }
}
