namespace Gatehouse.Policy.Tests;

public sealed class WindowSpecTests
{
    [Theory]
    [InlineData(1, "second")]
    [InlineData(60, "minute")]
    [InlineData(3600, "hour")]
    [InlineData(86_400, "day")]
    [InlineData(90, "90 s")]
    [InlineData(120, "120 s")]
    public void ToString_names_the_unit_or_the_seconds(int seconds, string expected)
    {
        Assert.Equal(expected, new WindowSpec(seconds).ToString());
    }

    [Fact]
    public void Length_is_the_seconds_as_a_time_span()
    {
        Assert.Equal(TimeSpan.FromMinutes(90), new WindowSpec(5400).Length);
    }
}
