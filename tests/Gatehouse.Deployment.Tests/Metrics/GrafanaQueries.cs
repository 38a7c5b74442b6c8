using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Deployment.Tests.Metrics;

/// <summary>The Prometheus and Tempo queries in the provisioned Grafana dashboard and data sources.</summary>
internal static partial class GrafanaQueries
{
    /// <summary>Every PromQL expression of the dashboard: panel targets and template variables (<c>label_values(metric, label)</c>).</summary>
    public static IReadOnlyList<PromQuery> DashboardPromQl(JsonNode dashboard)
    {
        var queries = new List<PromQuery>();
        foreach (var panel in Panels(dashboard))
        {
            foreach (var target in panel["targets"]?.AsArray() ?? [])
            {
                if (target?["expr"]?.GetValue<string>() is { } expr)
                {
                    queries.Add(new PromQuery($"panel '{panel["title"]}'", expr, []));
                }
            }
        }

        foreach (var variable in dashboard["templating"]?["list"]?.AsArray() ?? [])
        {
            var query = variable?["query"] is JsonObject q ? q["query"]?.GetValue<string>() : null;
            if (query is not null && LabelValues().Match(query) is { Success: true } labelValues)
            {
                queries.Add(new PromQuery($"variable '{variable!["name"]}'", labelValues.Groups["metric"].Value, [labelValues.Groups["label"].Value]));
            }
        }

        return queries;
    }

    /// <summary>The TraceQL queries of the dashboard's Tempo panels.</summary>
    public static IReadOnlyList<(string Where, string Query)> DashboardTraceQl(JsonNode dashboard) =>
        [.. Panels(dashboard)
            .SelectMany(panel => (panel["targets"]?.AsArray() ?? []).Select(target => (panel, target)))
            .Where(pair => pair.target?["queryType"]?.GetValue<string>() is "traceql" or "traceqlSearch")
            .Select(pair => ($"panel '{pair.panel["title"]}'", pair.target!["query"]?.GetValue<string>() ?? string.Empty))];

    /// <summary>The queries of the Tempo data source's traces-to-metrics links, with the labels its tag mappings add.</summary>
    public static IReadOnlyList<PromQuery> TracesToMetrics(YamlMappingNode tempoDataSource)
    {
        var links = Child(Child(tempoDataSource, "jsonData"), "tracesToMetrics");
        if (links is null)
        {
            return [];
        }

        var tagLabels = TagMappings(tempoDataSource).Select(t => t.Label).ToList();
        return [.. (links.Children.TryGetValue("queries", out var list) ? (YamlSequenceNode)list : new YamlSequenceNode())
            .OfType<YamlMappingNode>()
            .Select(q => new PromQuery($"Tempo tracesToMetrics '{q["name"]}'", q["query"].ToString(), tagLabels))];
    }

    /// <summary>The span attribute → Prometheus label mappings of the Tempo data source's traces-to-metrics links.</summary>
    public static IReadOnlyList<(string Attribute, string Label)> TagMappings(YamlMappingNode tempoDataSource) =>
        Child(Child(tempoDataSource, "jsonData"), "tracesToMetrics") is { } links && links.Children.TryGetValue("tags", out var tags)
            ? [.. ((YamlSequenceNode)tags).OfType<YamlMappingNode>().Select(t => (t["key"].ToString(), t.Children.TryGetValue("value", out var v) ? v.ToString() : t["key"].ToString()))]
            : [];

    /// <summary>Every panel, including those nested in rows.</summary>
    public static IEnumerable<JsonNode> Panels(JsonNode dashboard)
    {
        foreach (var panel in dashboard["panels"]?.AsArray() ?? [])
        {
            if (panel is null)
            {
                continue;
            }

            yield return panel;
            foreach (var nested in panel["panels"]?.AsArray() ?? [])
            {
                if (nested is not null)
                {
                    yield return nested;
                }
            }
        }
    }

    private static YamlMappingNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(key, out var child) ? child as YamlMappingNode : null;

    [GeneratedRegex(@"^\s*label_values\(\s*(?<metric>[A-Za-z_:][A-Za-z0-9_:]*)\s*,\s*(?<label>[A-Za-z_][A-Za-z0-9_]*)\s*\)\s*$")]
    private static partial Regex LabelValues();
}
