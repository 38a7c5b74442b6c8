using System.Globalization;

namespace Gatehouse.LoadTests.Scenarios.Exactness;

/// <summary>The policies of the exactness and failover scenarios: every call spends one unit of one counter.</summary>
internal static class LimitPolicy
{
    /// <summary>The counter every call of the upstream spends.</summary>
    public const string Counter = "hot";

    /// <summary>
    /// A day or a little more, chosen so that no run crosses a fixed window's end (they are aligned to the UTC epoch; a
    /// plain day would roll over at midnight), and a token bucket refills almost nothing during one.
    /// </summary>
    public static readonly int WindowSeconds = Gatehouse.Testing.SteadyWindow.Seconds;

    public static string Json(string algorithm, int max) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""
        {
          "version": "{{algorithm}}-{{max}}",
          "default": "allow",
          "all_tools": { "limits": [ { "counter": "{{Counter}}", "window": {{WindowSeconds}}, "max": {{max}}, "scope": "grant", "algorithm": "{{algorithm}}" } ] }
        }
        """);

    /// <summary>
    /// The most a run of <paramref name="elapsed"/> may admit: <paramref name="max"/>, plus for a token bucket what it
    /// refills meanwhile (<c>max</c> per window, continuously).
    /// </summary>
    public static int MostAdmitted(string algorithm, int max, TimeSpan elapsed) =>
        algorithm == "token_bucket" ? max + (int)Math.Floor(max * elapsed.TotalSeconds / WindowSeconds) : max;
}
