using System.Text.RegularExpressions;

namespace Gatehouse.Deployment.Tests.Metrics;

/// <summary>A Prometheus text exposition: each sample name with the label names its samples carry.</summary>
internal sealed partial class PrometheusScrape
{
    private readonly Dictionary<string, HashSet<string>> _labels;

    private PrometheusScrape(Dictionary<string, HashSet<string>> labels, string text)
    {
        _labels = labels;
        Text = text;
    }

    public string Text { get; }

    public IReadOnlyCollection<string> SampleNames => _labels.Keys;

    public static PrometheusScrape Parse(string text)
    {
        var labels = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var sample = Sample().Match(line);
            if (!sample.Success)
            {
                throw new FormatException($"Not a Prometheus sample line: {line}");
            }

            var names = labels.TryGetValue(sample.Groups["name"].Value, out var existing) ? existing : labels[sample.Groups["name"].Value] = new(StringComparer.Ordinal);
            foreach (Match label in Label().Matches(sample.Groups["labels"].Value))
            {
                names.Add(label.Groups["label"].Value);
            }
        }

        return new PrometheusScrape(labels, text);
    }

    public bool Has(string sampleName) => _labels.ContainsKey(sampleName);

    public IReadOnlySet<string> LabelsOf(string sampleName) =>
        _labels.TryGetValue(sampleName, out var names) ? names : new HashSet<string>();

    [GeneratedRegex(@"^(?<name>[A-Za-z_:][A-Za-z0-9_:]*)(?:\{(?<labels>.*)\})?\s+\S+")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<label>[A-Za-z_][A-Za-z0-9_]*)=""(?:[^""\\]|\\.)*""")]
    private static partial Regex Label();
}
