namespace Gatehouse.Policy.Tests;

public sealed class HintEvidenceTests
{
    public static TheoryData<bool?, bool?, ToolEffect, RiskLevel, string> Bases => new()
    {
        { true, null, ToolEffect.Read, RiskLevel.Low, "readOnlyHint=true" },
        { true, true, ToolEffect.Read, RiskLevel.Low, "readOnlyHint=true" },
        { false, true, ToolEffect.Write, RiskLevel.High, "destructiveHint=true" },
        { null, true, ToolEffect.Write, RiskLevel.High, "destructiveHint=true" },
        { false, false, ToolEffect.Write, RiskLevel.Medium, "readOnlyHint=false, destructiveHint=false" },
        { null, false, ToolEffect.Write, RiskLevel.Medium, "destructiveHint=false" },
        { false, null, ToolEffect.Write, RiskLevel.High, "readOnlyHint=false without destructiveHint (MCP default: destructive)" },
    };

    [Theory]
    [MemberData(nameof(Bases))]
    public void Read_only_and_destructive_hints_give_the_basis(bool? readOnly, bool? destructive, ToolEffect effect, RiskLevel risk, string why)
    {
        Assert.Equal(new RiskAssessment(effect, risk, why), HintEvidence.Basis(new ToolAnnotationsHints(readOnly, destructive, null, null)));
    }

    [Fact]
    public void Idempotent_and_open_world_alone_give_no_basis()
    {
        Assert.Null(HintEvidence.Basis(new ToolAnnotationsHints(null, null, true, true)));
        Assert.Null(HintEvidence.Basis(ToolAnnotationsHints.None));
    }

    [Theory]
    [InlineData(RiskLevel.Low, RiskLevel.Medium)]
    [InlineData(RiskLevel.Medium, RiskLevel.High)]
    [InlineData(RiskLevel.High, RiskLevel.High)]
    public void Open_world_raises_by_one_level_up_to_high(RiskLevel before, RiskLevel after)
    {
        var assessment = HintEvidence.WithOpenWorld(new RiskAssessment(ToolEffect.Read, before, "x"), new ToolAnnotationsHints(null, null, null, true));

        Assert.Equal(after, assessment.Risk);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Closed_or_unstated_world_changes_nothing(bool? openWorld)
    {
        var basis = new RiskAssessment(ToolEffect.Read, RiskLevel.Low, "x");

        Assert.Same(basis, HintEvidence.WithOpenWorld(basis, new ToolAnnotationsHints(null, null, null, openWorld)));
    }

    [Theory]
    [InlineData(true, RiskLevel.Medium)]
    [InlineData(false, RiskLevel.High)]
    [InlineData(null, RiskLevel.High)]
    public void Only_an_idempotent_additive_write_is_not_raised_by_the_open_world(bool? idempotent, RiskLevel expected)
    {
        var hints = new ToolAnnotationsHints(false, false, idempotent, true);

        Assert.Equal(expected, HintEvidence.WithOpenWorld(HintEvidence.Basis(hints)!, hints).Risk);
    }
}
