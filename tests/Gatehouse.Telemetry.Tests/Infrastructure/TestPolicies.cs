namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>The policies the telemetry tests put in front of the test upstream, one per upstream name.</summary>
internal static class TestPolicies
{
    /// <summary>How many <c>add</c> calls a grant may make on <see cref="Metered"/> (a sliding day: no window boundary falls inside a test).</summary>
    public const int AddMax = 2;

    /// <summary>Only <c>trace</c>, under a limit, so every call goes through a counter grain.</summary>
    public const string Traced = """
        {
          "version": "1",
          "default": "deny",
          "tools": {
            "trace": { "limits": [ { "counter": "trace_calls", "window": "hour", "max": 1000, "scope": "grant" } ] }
          }
        }
        """;

    /// <summary>Everything allowed but <c>get-secret</c> (denied); <c>add</c> limited to <see cref="AddMax"/>.</summary>
    public static readonly string Metered = $$"""
        {
          "version": "1",
          "default": "allow",
          "tools": {
            "get-secret": { "action": "deny", "reason": "exposes server secrets" },
            "add": { "limits": [ { "counter": "adds", "window": "day", "max": {{AddMax}}, "scope": "grant", "algorithm": "sliding" } ] }
          }
        }
        """;
}
