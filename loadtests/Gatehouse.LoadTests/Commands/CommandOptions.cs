using System.Globalization;

namespace Gatehouse.LoadTests.Commands;

/// <summary>Options as <c>--name value</c> or <c>--name=value</c>; a name may repeat; a name with no value is a flag.</summary>
internal sealed class CommandOptions
{
    private readonly List<(string Name, string? Value)> _options = [];

    public CommandOptions(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                _options.Add((arg[..equals], arg[(equals + 1)..]));
            }
            else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                _options.Add((arg, list[++i]));
            }
            else
            {
                _options.Add((arg, null));
            }
        }
    }

    public string? Optional(string name) => _options.LastOrDefault(o => o.Name == name).Value;

    public string Required(string name) => Optional(name) ?? throw new ArgumentException($"{name} is required");

    public string Text(string name, string fallback) => Optional(name) ?? fallback;

    public bool Flag(string name) => _options.Any(o => o.Name == name);

    public int Int(string name, int fallback) => Optional(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary><c>--name true|false</c>; <c>--name</c> alone is true.</summary>
    public bool Bool(string name, bool fallback) => !Flag(name)
        ? fallback
        : Optional(name) is not { } value || (bool.TryParse(value, out var parsed) ? parsed : throw new ArgumentException($"{name} takes true or false, not '{value}'"));

    public double? Double(string name) => Optional(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : null;

    /// <summary>Every value of a repeated option, each also split at commas (<c>--target a --target b</c> or <c>--target a,b</c>).</summary>
    public IReadOnlyList<string> List(string name, params string[] fallback)
    {
        var values = _options.Where(o => o.Name == name && o.Value is not null)
            .SelectMany(o => o.Value!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        return values.Count > 0 ? values : fallback;
    }

    public IReadOnlyList<int> Ints(string name, params int[] fallback)
    {
        var values = List(name);
        return values.Count > 0 ? [.. values.Select(v => int.Parse(v, CultureInfo.InvariantCulture))] : fallback;
    }
}
