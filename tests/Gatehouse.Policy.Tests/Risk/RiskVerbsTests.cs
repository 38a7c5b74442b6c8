namespace Gatehouse.Policy.Tests;

public sealed class RiskVerbsTests
{
    [Theory]
    [InlineData("get", ToolEffect.Read, RiskLevel.Low)]
    [InlineData("gets", ToolEffect.Read, RiskLevel.Low)]
    [InlineData("echoes", ToolEffect.Read, RiskLevel.Low)]
    [InlineData("updates", ToolEffect.Write, RiskLevel.Medium)]
    [InlineData("pushes", ToolEffect.Write, RiskLevel.Medium)]
    [InlineData("deletes", ToolEffect.Write, RiskLevel.High)]
    [InlineData("runs", ToolEffect.Execute, RiskLevel.High)]
    [InlineData("rm", ToolEffect.Write, RiskLevel.High)]
    public void Known_words_and_their_third_person_forms_are_found(string word, ToolEffect effect, RiskLevel risk)
    {
        Assert.Equal((effect, risk), RiskVerbs.Find(word, inDescription: false));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("deleted")]
    [InlineData("running")]
    [InlineData("s")]
    public void Other_words_are_unknown(string word)
    {
        Assert.Null(RiskVerbs.Find(word, inDescription: false));
    }

    [Fact]
    public void Return_is_a_read_only_in_descriptions()
    {
        Assert.Null(RiskVerbs.Find("returns", inDescription: false));
        Assert.Equal((ToolEffect.Read, RiskLevel.Low), RiskVerbs.Find("returns", inDescription: true));
    }

    [Fact]
    public void Severity_orders_risk_then_execute_over_write_over_read()
    {
        var ordered = new[]
        {
            (ToolEffect.Execute, RiskLevel.High), (ToolEffect.Read, RiskLevel.Low), (ToolEffect.Write, RiskLevel.High), (ToolEffect.Write, RiskLevel.Medium),
        }.OrderBy(RiskVerbs.Severity);

        Assert.Equal(
            [(ToolEffect.Read, RiskLevel.Low), (ToolEffect.Write, RiskLevel.Medium), (ToolEffect.Write, RiskLevel.High), (ToolEffect.Execute, RiskLevel.High)],
            ordered);
    }

    [Theory]
    [InlineData("and", true)]
    [InlineData("or", true)]
    [InlineData("then", true)]
    [InlineData("with", false)]
    public void Connectors_join_actions(string word, bool expected)
    {
        Assert.Equal(expected, RiskVerbs.IsConnector(word));
    }
}
