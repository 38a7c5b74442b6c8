using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Reads <c>window</c>: a unit name, or a whole number of seconds given as a JSON number.</summary>
internal static class WindowSpecReader
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["second"] = 1,
        ["minute"] = 60,
        ["hour"] = 3600,
        ["day"] = 86_400,
    };

    public static WindowSpec? Read(JsonObjectReader limit, string key)
    {
        var path = limit.PathOf(key);
        if (!limit.TryGet(key, out var value))
        {
            limit.Faults.Missing(path);
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String when Units.TryGetValue(value.GetString()!, out var unit):
                return new WindowSpec(unit);
            case JsonValueKind.String:
                limit.Faults.Add(path, $"must be 'second', 'minute', 'hour', 'day' or a number of seconds, found '{value.GetString()}'");
                return null;
            case JsonValueKind.Number when JsonNumberReader.TryReadWhole(value, PolicyDefaults.MaxWindowSeconds, out var seconds):
                return new WindowSpec(seconds);
            case JsonValueKind.Number:
                limit.Faults.Add(path, string.Create(
                    CultureInfo.InvariantCulture,
                    $"must be a positive whole number of seconds, at most {PolicyDefaults.MaxWindowSeconds}"));
                return null;
            default:
                limit.Faults.WrongType(path, "a string ('second', 'minute', 'hour', 'day') or a number of seconds", value);
                return null;
        }
    }
}
