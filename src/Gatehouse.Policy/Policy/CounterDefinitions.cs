namespace Gatehouse.Policy;

/// <summary>Checks that every declaration of one counter name defines the same budget.</summary>
internal sealed class CounterDefinitions(FaultCollector faults)
{
    private readonly Dictionary<string, (LimitRule Rule, string Path)> _first = new(StringComparer.Ordinal);

    public void Register(LimitRule rule, string path)
    {
        if (_first.TryAdd(rule.Counter, (rule, path)))
        {
            return;
        }

        var (first, firstPath) = _first[rule.Counter];
        var differences = Differences(first, rule).ToArray();
        if (differences.Length > 0)
        {
            // One counter is one budget in one grain: two definitions would make its window ambiguous.
            faults.Add(path, $"counter '{rule.Counter}' is defined differently at {firstPath} ({string.Join(", ", differences)} differ)");
        }
    }

    private static IEnumerable<string> Differences(LimitRule first, LimitRule later)
    {
        if (first.Window != later.Window)
        {
            yield return "window";
        }

        if (first.Max != later.Max)
        {
            yield return "max";
        }

        if (first.Scope != later.Scope)
        {
            yield return "scope";
        }

        if (first.Algorithm != later.Algorithm)
        {
            yield return "algorithm";
        }
    }
}
