namespace Gatehouse.Policy;

/// <summary>The JSON names of one enum, in the order messages list them.</summary>
internal sealed class NameTable<T>
    where T : struct, Enum
{
    private readonly (string Name, T Value)[] _entries;

    public NameTable(params (string Name, T Value)[] entries) => _entries = entries;

    /// <summary>"'a', 'b' or 'c'", for fault messages.</summary>
    public string Choices
    {
        get
        {
            var quoted = _entries.Select(entry => $"'{entry.Name}'").ToArray();
            return $"{string.Join(", ", quoted[..^1])} or {quoted[^1]}";
        }
    }

    public bool TryParse(string name, out T value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
