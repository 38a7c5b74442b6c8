namespace Gatehouse.Policy.Tests;

public sealed class PolicyDocumentTests
{
    [Fact]
    public void FindTool_is_ordinal_and_case_sensitive()
    {
        var policy = Policies.Valid(Policies.DesignExample);

        Assert.Equal("echo", policy.FindTool("echo")?.Name);
        Assert.Null(policy.FindTool("Echo"));
        Assert.Null(policy.FindTool("missing"));
    }

    [Fact]
    public void Counters_lists_every_counter_declared_anywhere()
    {
        var counters = Policies.Valid(Policies.DesignExample).Counters;

        Assert.Equal(["everything_total", "imagemasking_rate", "spend"], counters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new WindowSpec(86_400), counters["spend"].Window);
    }

    [Fact]
    public void Counters_of_a_hand_built_document_keep_the_first_declaration()
    {
        var first = new LimitRule("c", new WindowSpec(60), 1, LimitScope.Grant, WindowAlgorithm.Fixed, null);
        var second = first with { Max = 2 };
        var policy = new PolicyDocument
        {
            Version = "v",
            Default = DefaultAction.Allow,
            AllToolsLimits = [first],
            Tools = new Dictionary<string, ToolRule> { ["t"] = new("t", ToolAction.Allow, null, null, [], [], null, [second]) },
        };

        Assert.Same(first, Assert.Single(policy.Counters).Value);
    }
}
