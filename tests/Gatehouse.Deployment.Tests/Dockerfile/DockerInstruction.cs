using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gatehouse.Deployment.Tests.Dockerfile;

/// <summary>One Dockerfile instruction: its keyword, its leading <c>--flags</c> and the rest of its arguments.</summary>
internal sealed partial record DockerInstruction(string Keyword, IReadOnlyDictionary<string, string> Flags, string Arguments, int Line)
{
    /// <summary>Parses the text after the keyword: leading <c>--name=value</c> flags, then the arguments.</summary>
    public static DockerInstruction Parse(string keyword, string rest, int line)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = rest.Trim();
        while (LeadingFlag().Match(text) is { Success: true } flag)
        {
            flags[flag.Groups["name"].Value] = flag.Groups["value"].Value;
            text = text[flag.Length..].TrimStart();
        }

        return new DockerInstruction(keyword.ToUpperInvariant(), flags, text, line);
    }

    /// <summary>True when the arguments are in exec form (a JSON array).</summary>
    public bool IsExecForm => Arguments.StartsWith('[');

    /// <summary>The arguments as a list: the JSON array of the exec form, else split on white space.</summary>
    public IReadOnlyList<string> Words() =>
        IsExecForm
            ? JsonSerializer.Deserialize<string[]>(Arguments) ?? []
            : Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"line {Line}: {Keyword} {Arguments}";

    [GeneratedRegex(@"^--(?<name>[a-z-]+)(?:=(?<value>\S*))?")]
    private static partial Regex LeadingFlag();
}
