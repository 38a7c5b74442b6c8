using static Gatehouse.Policy.RiskLevel;
using static Gatehouse.Policy.ToolEffect;

namespace Gatehouse.Policy.Tests;

/// <summary>The class and risk of every tool of <c>@modelcontextprotocol/server-everything@2026.8.31</c>.</summary>
public sealed class ServerEverythingRiskTests
{
    public static TheoryData<string, ToolEffect, RiskLevel> Table => new()
    {
        { "echo", Read, Low },
        { "get-annotated-message", Read, Low },
        { "get-env", Read, Low },
        { "get-resource-links", Read, Low },
        { "get-resource-reference", Read, Low },
        { "get-structured-content", Read, Low },
        { "get-sum", Read, Low },
        { "get-tiny-image", Read, Low },
        { "gzip-file-as-resource", Write, Medium },
        { "toggle-simulated-logging", Write, Medium },
        { "toggle-subscriber-updates", Write, Medium },
        { "trigger-long-running-operation", Read, Low },
        { "get-roots-list", Read, Low },
        { "trigger-elicitation-request", Write, Medium },
        { "trigger-url-elicitation", Write, High },
        { "trigger-sampling-request", Write, High },
        { "simulate-research-query", Write, Medium },
        { "trigger-sampling-request-async", Write, High },
        { "trigger-elicitation-request-async", Write, Medium },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Tool_has_its_class_and_risk(string name, ToolEffect effect, RiskLevel risk)
    {
        var assessment = ToolRisk.Classify(ReferenceTools.Find(ReferenceTools.Everything, name));

        Assert.Equal((effect, risk), (assessment.Effect, assessment.Risk));
    }

    [Fact]
    public void Table_covers_every_tool_the_server_lists()
    {
        Assert.Equal(19, ReferenceTools.Everything.Count);
        Assert.Equal(
            ReferenceTools.Everything.Select(tool => tool.Name).Order(StringComparer.Ordinal),
            Table.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_tool_is_classified_by_its_annotations()
    {
        Assert.All(ReferenceTools.Everything, tool => Assert.Contains("readOnlyHint=", ToolRisk.Classify(tool).Why, StringComparison.Ordinal));
    }

    [Fact]
    public void Open_world_non_idempotent_writes_are_high()
    {
        var assessment = ToolRisk.Classify(ReferenceTools.Find(ReferenceTools.Everything, "trigger-sampling-request"));

        Assert.Equal("readOnlyHint=false, destructiveHint=false; openWorldHint=true raises it to high", assessment.Why);
    }

    [Fact]
    public void Open_world_idempotent_additive_write_stays_medium()
    {
        var assessment = ToolRisk.Classify(ReferenceTools.Find(ReferenceTools.Everything, "gzip-file-as-resource"));

        Assert.Equal(RiskLevel.Medium, assessment.Risk);
        Assert.Equal("readOnlyHint=false, destructiveHint=false; openWorldHint=true, but an idempotent additive write stays medium", assessment.Why);
    }

    [Fact]
    public void Get_env_is_a_low_risk_read_by_its_own_claim_so_a_policy_must_name_it()
    {
        // The hint is the server's claim; exposure of secrets is not an effect, so the DESIGN example denies it by name.
        var assessment = ToolRisk.Classify(ReferenceTools.Find(ReferenceTools.Everything, "get-env"));
        var policy = Policies.Valid(Policies.DesignExample);

        Assert.Equal(new RiskAssessment(ToolEffect.Read, RiskLevel.Low, "readOnlyHint=true"), assessment);
        Assert.NotNull(policy.FindTool("get-env"));
    }
}
