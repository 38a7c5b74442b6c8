using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Reads a <c>limits</c> array (of <c>all_tools</c> or of one tool).</summary>
internal static class LimitRuleReader
{
    private const string ArgumentPrefix = "args.";
    private static readonly string[] Keys = ["counter", "window", "max", "scope", "algorithm", "increment_from"];

    /// <summary>Reads <c>owner.limits</c>. <paramref name="charged"/> maps the counters the same calls already
    /// spend to where they are declared, and receives this list's counters.</summary>
    public static IReadOnlyList<LimitRule> ReadList(JsonObjectReader owner, CounterDefinitions counters, Dictionary<string, string> charged)
    {
        if (!owner.TryGet("limits", out var limits))
        {
            return [];
        }

        var path = owner.PathOf("limits");
        if (limits.ValueKind != JsonValueKind.Array)
        {
            owner.Faults.WrongType(path, "an array", limits);
            return [];
        }

        var rules = new List<LimitRule>();
        foreach (var (entry, index) in limits.EnumerateArray().Select((entry, index) => (entry, index)))
        {
            var entryPath = FaultPath.Index(path, index);
            if (ReadEntry(entry, entryPath, owner.Faults) is not { } rule)
            {
                continue;
            }

            counters.Register(rule, entryPath);
            if (!charged.TryAdd(rule.Counter, entryPath))
            {
                owner.Faults.Add(FaultPath.Key(entryPath, "counter"), $"counter '{rule.Counter}' is already charged by {charged[rule.Counter]}; a call would spend it twice");
            }

            rules.Add(rule);
        }

        return rules;
    }

    private static LimitRule? ReadEntry(JsonElement element, string path, FaultCollector faults)
    {
        var limit = JsonObjectReader.Open(element, path, faults, Keys);
        if (limit is null)
        {
            return null;
        }

        var before = faults.Count;
        var counter = ReadCounter(limit);
        var window = WindowSpecReader.Read(limit, "window");
        var max = ReadMax(limit);
        var scope = limit.ReadName("scope", PolicyNames.Scopes) ?? LimitScope.Grant;
        var algorithm = limit.ReadName("algorithm", PolicyNames.Algorithms) ?? WindowAlgorithm.Fixed;
        var incrementFrom = ReadIncrementFrom(limit);
        if (faults.Count != before || counter is null || window is null || max is null)
        {
            return null;
        }

        return new LimitRule(counter, window.Value, max.Value, scope, algorithm, incrementFrom);
    }

    private static string? ReadCounter(JsonObjectReader limit)
    {
        if (!limit.TryGet("counter", out _))
        {
            limit.Faults.Missing(limit.PathOf("counter"));
            return null;
        }

        var counter = limit.ReadString("counter");
        if (counter is not null && !IsCounterName(counter))
        {
            limit.Faults.Add(limit.PathOf("counter"), string.Create(
                CultureInfo.InvariantCulture,
                $"must be 1 to {PolicyDefaults.MaxCounterNameLength} letters, digits, '_', '.', ':' or '-', found '{counter}'"));
            return null;
        }

        return counter;
    }

    // Counter names become grain keys ("{scope}/{counter}"), so they are kept to a safe alphabet.
    private static bool IsCounterName(string name) =>
        name.Length is > 0 and <= PolicyDefaults.MaxCounterNameLength
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-');

    private static decimal? ReadMax(JsonObjectReader limit)
    {
        var path = limit.PathOf("max");
        if (!limit.TryGet("max", out var value))
        {
            limit.Faults.Missing(path);
        }
        else if (value.ValueKind != JsonValueKind.Number)
        {
            limit.Faults.WrongType(path, "a number", value);
        }
        else if (!JsonNumberReader.TryReadPositive(value, PolicyDefaults.MaxLimit, out var max))
        {
            limit.Faults.Add(path, string.Create(CultureInfo.InvariantCulture, $"must be a positive number, at most {PolicyDefaults.MaxLimit}"));
        }
        else
        {
            return max;
        }

        return null;
    }

    private static string? ReadIncrementFrom(JsonObjectReader limit)
    {
        var source = limit.ReadString("increment_from");
        if (source is null)
        {
            return null;
        }

        var name = source.StartsWith(ArgumentPrefix, StringComparison.Ordinal) ? source[ArgumentPrefix.Length..] : "";
        if (name.Length == 0 || name.Contains('.', StringComparison.Ordinal))
        {
            limit.Faults.Add(limit.PathOf("increment_from"), $"must be 'args.<name>' naming one argument, found '{source}'");
            return null;
        }

        return name;
    }
}
