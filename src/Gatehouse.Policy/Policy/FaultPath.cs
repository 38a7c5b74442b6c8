using System.Globalization;

namespace Gatehouse.Policy;

/// <summary>Builds fault paths such as <c>tools.echo.limits[0].max</c> and <c>tools["a.b"]</c>.</summary>
internal static class FaultPath
{
    /// <summary>The path of the document itself.</summary>
    public const string Root = "$";

    /// <summary>A key below <paramref name="parent"/>; top-level keys have the parent <c>""</c>.</summary>
    public static string Key(string parent, string key)
    {
        if (IsPlainName(key))
        {
            return parent.Length == 0 ? key : $"{parent}.{key}";
        }

        // Quoted so a tool named "a.b" cannot be mistaken for key "b" inside tool "a".
        var quoted = key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return $"{parent}[\"{quoted}\"]";
    }

    public static string Index(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    private static bool IsPlainName(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
