namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>The decision paths there are, in the order reports show them.</summary>
internal static class DecisionPathNames
{
    public const string InProcess = "in-process";
    public const string GrainLocal = "grain-local";
    public const string GrainRemote = "grain-remote";
    public const string GrainRemoteBatched = "grain-remote-batched";
    public const string RedisRateLimiting = "redis-ratelimiting";
    public const string RedisLua = "redis-lua";

    public static readonly IReadOnlyList<string> All = [InProcess, GrainLocal, GrainRemote, GrainRemoteBatched, RedisRateLimiting, RedisLua];

    public static bool NeedsRedis(string name) => name.StartsWith("redis", StringComparison.Ordinal);

    public static bool NeedsSilos(string name) => name.StartsWith("grain", StringComparison.Ordinal);
}
