using Gatehouse.Gateway.Front.Caching;

namespace Gatehouse.Gateway.Tests.Front.Caching;

public sealed class TimeToLiveRuleTests
{
    [Fact]
    public void The_smallest_of_the_answers_stands() => Assert.Equal(500, TimeToLiveRule.Smallest([60_000, 500, 1_000]));

    [Fact]
    public void One_answer_gives_its_own() => Assert.Equal(60_000, TimeToLiveRule.Smallest([60_000]));

    [Fact]
    public void Zero_is_a_time_to_live_like_any_other() => Assert.Equal(0, TimeToLiveRule.Smallest([0, 60_000]));

    [Fact]
    public void An_answer_without_one_leaves_none() => Assert.Null(TimeToLiveRule.Smallest([60_000, null, 500]));

    [Fact]
    public void No_answers_leave_none() => Assert.Null(TimeToLiveRule.Smallest([]));
}
