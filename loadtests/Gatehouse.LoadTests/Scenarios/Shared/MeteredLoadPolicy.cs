using System.Globalization;

namespace Gatehouse.LoadTests.Scenarios.Shared;

/// <summary>The policy of <c>scale</c> and <c>soak</c>: one tool under a fixed-window limit per grant, one without any limit.</summary>
internal static class MeteredLoadPolicy
{
    public const string Upstream = "metered";

    public const string LimitedTool = "add";

    public const string UnlimitedTool = "echo";

    public const string Counter = "adds";

    /// <summary>Grants the agents share, one counter each, so that several counter grains move as replicas come and go.</summary>
    public const int Grants = 4;

    public static readonly IReadOnlyDictionary<string, object?> LimitedArguments = new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 };

    public static readonly IReadOnlyDictionary<string, object?> UnlimitedArguments = new Dictionary<string, object?> { ["message"] = "m" };

    public static string GrantName(int index) => "grant-" + index.ToString(CultureInfo.InvariantCulture);

    public static string Json(string scenario, int max, int windowSeconds) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""
        {
          "version": "{{scenario}}-{{max}}-{{windowSeconds}}",
          "default": "allow",
          "tools": {
            "{{LimitedTool}}": { "limits": [ { "counter": "{{Counter}}", "window": {{windowSeconds}}, "max": {{max}}, "scope": "grant", "algorithm": "fixed" } ] }
          }
        }
        """);
}
