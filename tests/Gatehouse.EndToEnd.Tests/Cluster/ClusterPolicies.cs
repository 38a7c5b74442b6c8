namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>The policy the cluster tests put in front of the C# test upstream: one tool per window algorithm.</summary>
internal static class ClusterPolicies
{
    public const int Max = 100;

    public const int ShortWindowMax = 20;

    public const int ShortWindowSeconds = 2;

    /// <summary>Which tool each algorithm meters (the counters are separate, so the tests are too).</summary>
    public static string ToolFor(string algorithm) => algorithm switch
    {
        "fixed" => "add",
        "sliding" => "echo",
        "token_bucket" => "transfer",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    public static Dictionary<string, object?> ArgumentsFor(string tool) => tool switch
    {
        "add" => new() { ["a"] = 1, ["b"] = 2 },
        "echo" => new() { ["message"] = "m" },
        "transfer" => new() { ["amount"] = 1, ["to"] = "acct-1" },
        _ => new(),
    };

    public static readonly string Metered = $$"""
        {
          "version": "1",
          "default": "allow",
          "tools": {
            "add":      { "limits": [ { "counter": "fixed_100",   "window": {{SteadyWindow.Json}}, "max": {{Max}}, "scope": "grant" } ] },
            "echo":     { "limits": [ { "counter": "sliding_100", "window": {{SteadyWindow.Json}}, "max": {{Max}}, "scope": "grant", "algorithm": "sliding" } ] },
            "transfer": { "limits": [ { "counter": "bucket_100",  "window": {{SteadyWindow.Json}}, "max": {{Max}}, "scope": "grant", "algorithm": "token_bucket" } ] },
            "annotated-read": { "limits": [ { "counter": "short", "window": {{ShortWindowSeconds}}, "max": {{ShortWindowMax}}, "scope": "grant" } ] },
            "slow":     { "limits": [ { "counter": "slow_calls",  "window": {{SteadyWindow.Json}}, "max": {{Max}}, "scope": "grant" } ] }
          }
        }
        """;
}
