namespace Gatehouse.Policy.Tests;

public sealed class FaultPathTests
{
    [Theory]
    [InlineData("", "version", "version")]
    [InlineData("tools", "get-env", "tools.get-env")]
    [InlineData("tools", "a_b-9", "tools.a_b-9")]
    [InlineData("tools", "a.b", "tools[\"a.b\"]")]
    [InlineData("tools", "a b", "tools[\"a b\"]")]
    [InlineData("tools", "say \"hi\"\\", "tools[\"say \\\"hi\\\"\\\\\"]")]
    [InlineData("tools", "", "tools[\"\"]")]
    public void Plain_names_join_with_dots_and_others_are_quoted(string parent, string key, string expected)
    {
        Assert.Equal(expected, FaultPath.Key(parent, key));
    }

    [Fact]
    public void Index_appends_brackets()
    {
        Assert.Equal("tools.echo.limits[12]", FaultPath.Index("tools.echo.limits", 12));
    }
}
