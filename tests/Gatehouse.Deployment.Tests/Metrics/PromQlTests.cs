namespace Gatehouse.Deployment.Tests.Metrics;

public sealed class PromQlTests
{
    [Fact]
    public void Metric_names_are_found_past_functions_matchers_ranges_and_grouping()
    {
        const string Expression = """histogram_quantile(0.99, sum by (le, gatehouse_upstream) (rate(gatehouse_upstream_duration_seconds_bucket{gatehouse_upstream=~"$upstream", pod=~"a|b"}[$__rate_interval]))) / on (pod) group_left max(up offset 5m) > 1e3""";

        Assert.Equal(new HashSet<string> { "gatehouse_upstream_duration_seconds_bucket", "up" }, PromQl.MetricNames(Expression));
    }

    [Fact]
    public void Metric_names_of_aggregations_with_a_trailing_grouping_clause_are_found()
    {
        Assert.Equal(new HashSet<string> { "gatehouse_decisions_total" }, PromQl.MetricNames("topk(10, sum(increase(gatehouse_decisions_total[1h])) by (gen_ai_tool_name))"));
    }

    [Fact]
    public void Label_names_come_from_matchers_and_grouping_clauses()
    {
        const string Expression = """sum without (instance) (rate(gatehouse_refusals_total{gatehouse_decision!="deny", $__tags}[5m])) * on (pod) group_left (gatehouse_upstream) x""";

        Assert.Equal(new HashSet<string> { "instance", "gatehouse_decision", "pod", "gatehouse_upstream" }, PromQl.LabelNames(Expression));
    }

    [Fact]
    public void A_scrape_lists_sample_names_with_their_labels()
    {
        var scrape = PrometheusScrape.Parse("""
            # TYPE gatehouse_decisions_total counter
            gatehouse_decisions_total{gatehouse_decision="allow",gen_ai_tool_name="echo \"x\""} 1 1700000000000
            gatehouse_call_duration_seconds_bucket{le="0.5"} 2
            gatehouse_sessions_active 0
            """);

        Assert.True(scrape.Has("gatehouse_call_duration_seconds_bucket"));
        Assert.False(scrape.Has("gatehouse_call_duration_seconds"));
        Assert.Equal(new HashSet<string> { "gatehouse_decision", "gen_ai_tool_name" }, scrape.LabelsOf("gatehouse_decisions_total"));
        Assert.Empty(scrape.LabelsOf("gatehouse_sessions_active"));
    }
}
