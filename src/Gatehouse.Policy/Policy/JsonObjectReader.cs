using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>One JSON object of the policy: reports unknown and duplicate keys, then reads typed values.</summary>
internal sealed class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);

    private JsonObjectReader(JsonElement element, string path, FaultCollector faults, IReadOnlyCollection<string> keys)
    {
        Path = path;
        Faults = faults;
        foreach (var property in element.EnumerateObject())
        {
            if (!keys.Contains(property.Name))
            {
                // Unknown keys are faults so that a typo ("maxx") cannot silently drop a limit.
                faults.Add(FaultPath.Key(path, property.Name), $"unknown key '{property.Name}'");
            }
            else if (!_values.TryAdd(property.Name, property.Value))
            {
                faults.Add(FaultPath.Key(path, property.Name), $"duplicate key '{property.Name}'");
            }
        }
    }

    public string Path { get; }

    public FaultCollector Faults { get; }

    /// <summary>A reader for <paramref name="element"/>, or null (with a fault) when it is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, FaultCollector faults, IReadOnlyCollection<string> keys)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new JsonObjectReader(element, path, faults, keys);
        }

        faults.WrongType(path, "an object", element);
        return null;
    }

    public string PathOf(string key) => FaultPath.Key(Path, key);

    public bool TryGet(string key, out JsonElement value) => _values.TryGetValue(key, out value);

    /// <summary>The string at <paramref name="key"/>; null when absent or (with a fault) not a string.</summary>
    public string? ReadString(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Faults.WrongType(PathOf(key), "a string", value);
        return null;
    }

    /// <summary>The boolean at <paramref name="key"/>; false when absent or (with a fault) not a boolean.</summary>
    public bool ReadBoolean(string key)
    {
        if (!TryGet(key, out var value))
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Faults.WrongType(PathOf(key), "a boolean", value);
        return false;
    }

    /// <summary>The enum named at <paramref name="key"/>; null when absent or (with a fault) not a known name.</summary>
    public T? ReadName<T>(string key, NameTable<T> names)
        where T : struct, Enum
    {
        var name = ReadString(key);
        if (name is null)
        {
            return null;
        }

        if (names.TryParse(name, out var value))
        {
            return value;
        }

        Faults.Add(PathOf(key), $"must be {names.Choices}, found '{name}'");
        return null;
    }
}
