using Gatehouse.Deployment.Tests.Gateway;
using Gatehouse.Deployment.Tests.Infrastructure;
using Gatehouse.Deployment.Tests.Kubernetes;
using Gatehouse.Telemetry;

namespace Gatehouse.Deployment.Tests.Metrics;

/// <summary>
/// Every metric and label Grafana queries is one the running gateway exports at /metrics (after the
/// fixture's calls gave every instrument a measurement), and every span attribute it searches is one
/// the gateway sets.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class DashboardMetricsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Every_metric_the_dashboard_queries_is_exported_by_the_gateway()
    {
        var queries = GrafanaQueries.DashboardPromQl(ObservabilityTests.GatehouseDashboard(await Kustomize.OverlayAsync("dev")));

        Assert.NotEmpty(queries);
        Problems.AssertNone(Missing(queries));
    }

    [Fact]
    public async Task Every_label_the_dashboard_groups_or_filters_by_is_on_the_metrics_it_queries()
    {
        var manifests = await Kustomize.OverlayAsync("dev");
        var queries = GrafanaQueries.DashboardPromQl(ObservabilityTests.GatehouseDashboard(manifests));

        Problems.AssertNone(MissingLabels(queries, ScrapeTargetLabels(manifests)));
    }

    [Fact]
    public async Task Tempo_links_from_spans_to_metrics_use_exported_metrics_labels_and_span_attributes()
    {
        var manifests = await Kustomize.OverlayAsync("dev");
        var tempo = ObservabilityTests.GrafanaDataSources(manifests).Single(s => YamlText.Scalar(s, "type") == "tempo");
        var queries = GrafanaQueries.TracesToMetrics(tempo);
        var mappings = GrafanaQueries.TagMappings(tempo);

        Assert.NotEmpty(queries);
        Problems.AssertNone(Missing(queries));
        Problems.AssertNone(MissingLabels(queries, ScrapeTargetLabels(manifests)));
        Assert.All(mappings, m => Assert.Contains(m.Attribute, SpanAttributes()));
    }

    [Fact]
    public async Task Every_span_attribute_the_trace_panel_searches_is_one_the_gateway_sets()
    {
        var panels = GrafanaQueries.DashboardTraceQl(ObservabilityTests.GatehouseDashboard(await Kustomize.OverlayAsync("dev")));
        var attributes = panels.SelectMany(p => System.Text.RegularExpressions.Regex.Matches(p.Query, @"span\.(?<name>[A-Za-z0-9_.]+)").Select(m => (p.Where, Name: m.Groups["name"].Value))).ToList();

        Assert.NotEmpty(attributes);
        Assert.All(attributes, a => Assert.Contains(a.Name, SpanAttributes()));
        Assert.Contains(attributes, a => a.Name == TelemetryAttributes.Grant);
        Assert.Contains(attributes, a => a.Name == TelemetryAttributes.ToolName);
    }

    [Fact]
    public async Task The_dashboard_shows_what_operators_follow()
    {
        var dashboard = ObservabilityTests.GatehouseDashboard(await Kustomize.OverlayAsync("dev"));
        var expressions = GrafanaQueries.DashboardPromQl(dashboard).Select(q => q.Expression).ToList();

        Assert.Contains(expressions, e => e.Contains("gatehouse_decisions_total", StringComparison.Ordinal) && e.Contains("by (gatehouse_decision)", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("gatehouse_refusals_total", StringComparison.Ordinal));
        foreach (var histogram in new[] { "gatehouse_call_duration_seconds_bucket", "gatehouse_upstream_duration_seconds_bucket" })
        {
            Assert.Contains(expressions, e => e.StartsWith("histogram_quantile(0.5,", StringComparison.Ordinal) && e.Contains(histogram, StringComparison.Ordinal));
            Assert.Contains(expressions, e => e.StartsWith("histogram_quantile(0.99,", StringComparison.Ordinal) && e.Contains(histogram, StringComparison.Ordinal));
        }

        Assert.Contains(expressions, e => e.Contains("gatehouse_counter_duration_seconds_bucket", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("gatehouse_cluster_silos", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("gatehouse_sessions_active", StringComparison.Ordinal));
        Assert.NotEmpty(GrafanaQueries.DashboardTraceQl(dashboard));
    }

    [Fact]
    public void The_metrics_scrape_holds_the_measurements_the_fixture_caused()
    {
        // Counters and histograms appear only after a measurement: the fixture's allowed call, denied call,
        // rate-limited tool and dead upstream are what make these series exist.
        var scrape = gateway.Scrape;

        Assert.Contains("gatehouse_decision=\"allow\"", scrape.Text, StringComparison.Ordinal);
        Assert.Contains("gatehouse_decision=\"deny\"", scrape.Text, StringComparison.Ordinal);
        Assert.True(scrape.Has("gatehouse_counter_duration_seconds_count"), "echo spends a counter, so the counter grain latency must be measured");
        Assert.True(scrape.Has("gatehouse_upstream_errors_total"), $"the dead upstream must count an error. Gateway output:\n{gateway.Output}");
    }

    private List<string> Missing(IEnumerable<PromQuery> queries) =>
        [.. queries.SelectMany(q => q.Metrics.Where(m => !gateway.Scrape.Has(m)).Select(m => $"{q.Where}: '{m}' is not at /metrics"))];

    private List<string> MissingLabels(IEnumerable<PromQuery> queries, IReadOnlySet<string> targetLabels)
    {
        var problems = new List<string>();
        foreach (var query in queries)
        {
            foreach (var label in query.Labels)
            {
                var known = targetLabels.Contains(label)
                    || (label == "le" && query.Metrics.Any(m => m.EndsWith("_bucket", StringComparison.Ordinal)))
                    || query.Metrics.Any(m => gateway.Scrape.LabelsOf(m).Contains(label));
                if (!known)
                {
                    problems.Add($"{query.Where}: label '{label}' is on none of {string.Join(", ", query.Metrics)}");
                }
            }
        }

        return problems;
    }

    /// <summary>Labels Prometheus adds to every series of the gateway job: job, instance, and its relabelling's target labels.</summary>
    private static HashSet<string> ScrapeTargetLabels(RenderedManifests manifests)
    {
        var prometheus = manifests.Named<k8s.Models.V1Deployment>("prometheus");
        var container = prometheus.Spec.Template.Spec.Containers[0];
        var path = container.Args.Single(a => a.StartsWith("--config.file=", StringComparison.Ordinal))["--config.file=".Length..];
        var config = YamlText.Load(MountedFiles.Resolve(manifests, prometheus, prometheus.Spec.Template, container)[path]);
        var labels = new HashSet<string>(StringComparer.Ordinal) { "job", "instance" };
        foreach (var job in YamlText.Mappings(config, "scrape_configs").Where(j => YamlText.Scalar(j, "job_name") == "gatehouse"))
        {
            foreach (var relabel in YamlText.Mappings(job, "relabel_configs"))
            {
                if (YamlText.Scalar(relabel, "target_label") is { } target && !target.StartsWith("__", StringComparison.Ordinal))
                {
                    labels.Add(target);
                }
            }
        }

        return labels;
    }

    private static HashSet<string> SpanAttributes() =>
        [.. typeof(TelemetryAttributes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
