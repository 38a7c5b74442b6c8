namespace Gatehouse.Policy;

/// <summary>Builds JSON pointers (RFC 6901) to rules in a policy document.</summary>
internal static class RulePointer
{
    public const string Default = "/default";

    public static string Tool(string tool) => $"/tools/{Escape(tool)}";

    public static string Tool(string tool, string key) => $"{Tool(tool)}/{key}";

    public static string Tool(string tool, string key, int index) => $"{Tool(tool, key)}/{index}";

    /// <summary><c>/risk_defaults/high</c> and the like.</summary>
    public static string RiskDefault(RiskLevel risk) => $"/risk_defaults/{risk.ToString().ToLowerInvariant()}";

    public static string AllToolsLimit(int index) => $"/all_tools/limits/{index}";

    // "~" and "/" are the two characters a pointer must escape; tool names may contain either.
    private static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
