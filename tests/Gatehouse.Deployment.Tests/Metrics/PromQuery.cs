namespace Gatehouse.Deployment.Tests.Metrics;

/// <summary>One PromQL expression found in a Grafana file, with where it was found and extra label names it relies on.</summary>
internal sealed record PromQuery(string Where, string Expression, IReadOnlyList<string> ExtraLabels)
{
    public IReadOnlySet<string> Metrics => PromQl.MetricNames(Expression);

    public IEnumerable<string> Labels => PromQl.LabelNames(Expression).Concat(ExtraLabels).Distinct(StringComparer.Ordinal);

    public override string ToString() => $"{Where}: {Expression}";
}
