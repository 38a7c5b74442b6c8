namespace Gatehouse.Policy.Tests;

public sealed class ToolRiskTests
{
    private static RiskAssessment Classify(string name, string? description = null, ToolAnnotationsHints? hints = null) =>
        ToolRisk.Classify(new ToolDescription(name, description, hints ?? ToolAnnotationsHints.None));

    [Fact]
    public void Read_only_hint_outweighs_a_destructive_name()
    {
        var assessment = Classify("delete_everything", "Deletes everything.", new ToolAnnotationsHints(true, true, null, null));

        Assert.Equal(new RiskAssessment(ToolEffect.Read, RiskLevel.Low, "readOnlyHint=true"), assessment);
    }

    [Fact]
    public void Destructive_hint_makes_a_high_risk_write_whatever_the_name()
    {
        var assessment = Classify("get_thing", null, new ToolAnnotationsHints(null, true, true, false));

        Assert.Equal(new RiskAssessment(ToolEffect.Write, RiskLevel.High, "destructiveHint=true"), assessment);
    }

    [Fact]
    public void Name_raises_a_hinted_write_to_execute()
    {
        var assessment = Classify("run_tests", null, new ToolAnnotationsHints(false, false, true, false));

        Assert.Equal(
            new RiskAssessment(ToolEffect.Execute, RiskLevel.High, "readOnlyHint=false, destructiveHint=false; name starts with 'run'"),
            assessment);
    }

    [Fact]
    public void Name_raises_an_additive_write_that_says_delete()
    {
        var assessment = Classify("deleteDraft", null, new ToolAnnotationsHints(null, false, null, null));

        Assert.Equal(new RiskAssessment(ToolEffect.Write, RiskLevel.High, "destructiveHint=false; name starts with 'delete'"), assessment);
    }

    [Fact]
    public void Name_never_lowers_a_hinted_write()
    {
        var assessment = Classify("list_things", null, new ToolAnnotationsHints(false, false, false, false));

        Assert.Equal(new RiskAssessment(ToolEffect.Write, RiskLevel.Medium, "readOnlyHint=false, destructiveHint=false"), assessment);
    }

    [Fact]
    public void Without_hints_the_name_decides()
    {
        Assert.Equal(new RiskAssessment(ToolEffect.Write, RiskLevel.High, "name starts with 'delete'"), Classify("deleteAll"));
    }

    [Fact]
    public void Name_decides_before_the_description()
    {
        Assert.Equal(ToolEffect.Read, Classify("get_record", "Deletes a record.").Effect);
    }

    [Fact]
    public void Description_decides_when_the_name_says_nothing()
    {
        Assert.Equal(new RiskAssessment(ToolEffect.Write, RiskLevel.High, "description says 'removes'"), Classify("janitor", "Removes stale entries."));
    }

    [Fact]
    public void Nothing_known_is_a_medium_risk_write()
    {
        var assessment = Classify("frobnicate", "Frobnicates the widget.");

        Assert.Equal(
            new RiskAssessment(ToolEffect.Write, RiskLevel.Medium, "no annotations and no known verb in the name or description: assumed a write"),
            assessment);
    }

    [Fact]
    public void Open_world_hint_alone_raises_the_name_based_risk()
    {
        var assessment = Classify("fetch", "Fetches a URL.", new ToolAnnotationsHints(null, null, null, true));

        Assert.Equal(new RiskAssessment(ToolEffect.Read, RiskLevel.Medium, "name starts with 'fetch'; openWorldHint=true raises it to medium"), assessment);
    }

    [Fact]
    public void Open_world_hint_on_an_unknown_tool_makes_it_high()
    {
        var assessment = Classify("frobnicate", null, new ToolAnnotationsHints(null, null, null, true));

        Assert.Equal(RiskLevel.High, assessment.Risk);
        Assert.StartsWith("no readOnlyHint or destructiveHint and no known verb", assessment.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => ToolRisk.Classify(null!));
    }
}
