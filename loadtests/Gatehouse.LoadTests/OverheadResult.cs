using System.Globalization;
using System.Text;

namespace Gatehouse.LoadTests;

internal sealed record OverheadResult(LatencySummary Direct, LatencySummary Gateway)
{
    public string ToMarkdown()
    {
        static string Ms(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine("| target | calls | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, s) in new[] { ("direct", Direct), ("gatehouse", Gateway) })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {s.Count} | {Ms(s.P50)} | {Ms(s.P90)} | {Ms(s.P99)} | {Ms(s.P999)} | {Ms(s.Max)} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| added by gatehouse | | {Ms(Gateway.P50 - Direct.P50)} | {Ms(Gateway.P90 - Direct.P90)} | {Ms(Gateway.P99 - Direct.P99)} | | |");
        return text.ToString();
    }
}
