using System.Globalization;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>The samples of a Prometheus text exposition (<c>name{labels} value</c>), read just enough to add them up.</summary>
internal sealed class PrometheusText(string text)
{
    private readonly (string Name, string Labels, double Value)[] _samples = [.. Parse(text)];

    /// <summary>The sum of every sample of <paramref name="name"/> over its labels; 0 when the replica exports none yet.</summary>
    public double Sum(string name) => _samples.Where(s => s.Name == name).Sum(s => s.Value);

    /// <summary>The samples of <paramref name="name"/> added up by the value of one label.</summary>
    public IReadOnlyDictionary<string, double> SumBy(string name, string label)
    {
        var prefix = label + "=\"";
        return _samples
            .Where(s => s.Name == name)
            .GroupBy(s => LabelValue(s.Labels, prefix))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value), StringComparer.Ordinal);
    }

    private static IEnumerable<(string, string, double)> Parse(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var open = line.IndexOf('{', StringComparison.Ordinal);
            var close = open < 0 ? -1 : line.LastIndexOf('}');
            var name = open < 0 ? line[..Math.Max(0, line.IndexOf(' ', StringComparison.Ordinal))] : line[..open];
            var labels = open < 0 ? string.Empty : line[(open + 1)..close];
            var rest = (open < 0 ? line[name.Length..] : line[(close + 1)..]).Trim().Split(' ')[0];
            if (name.Length > 0 && double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                yield return (name, labels, value);
            }
        }
    }

    private static string LabelValue(string labels, string prefix)
    {
        var start = labels.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        start += prefix.Length;
        var end = labels.IndexOf('"', start);
        return end < 0 ? labels[start..] : labels[start..end];
    }
}
