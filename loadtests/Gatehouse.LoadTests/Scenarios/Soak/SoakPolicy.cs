using System.Globalization;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>The policy of <c>soak</c>: one tool under a fixed-window limit per grant, one without any limit.</summary>
internal static class SoakPolicy
{
    public const string Upstream = "metered";

    public const string LimitedTool = "add";

    public const string UnlimitedTool = "echo";

    public const string Counter = "adds";

    /// <summary>Grants the agents share, one counter each.</summary>
    public const int Grants = 4;

    /// <summary>Admitted per window per grant: with the default 40 calls/s (20/s on the limited tool), some are refused.</summary>
    public const int Limit = 30;

    public const int WindowSeconds = 10;

    public static readonly IReadOnlyDictionary<string, object?> LimitedArguments = new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 };

    public static readonly IReadOnlyDictionary<string, object?> UnlimitedArguments = new Dictionary<string, object?> { ["message"] = "m" };

    public static string GrantName(int index) => "grant-" + index.ToString(CultureInfo.InvariantCulture);

    public static string Json() => string.Create(
        CultureInfo.InvariantCulture,
        $$"""
        {
          "version": "soak-{{Limit}}-{{WindowSeconds}}",
          "default": "allow",
          "tools": {
            "{{LimitedTool}}": { "limits": [ { "counter": "{{Counter}}", "window": {{WindowSeconds}}, "max": {{Limit}}, "scope": "grant", "algorithm": "fixed" } ] }
          }
        }
        """);
}
