using Gatehouse.LoadTests.Scenarios.Shared;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>The limit <c>soak</c> puts on <see cref="MeteredLoadPolicy.LimitedTool"/>.</summary>
internal static class SoakPolicy
{
    /// <summary>Admitted per window per grant: with the default 40 calls/s (20/s on the limited tool), some are refused.</summary>
    public const int Limit = 30;

    public const int WindowSeconds = 10;

    public static string Json() => MeteredLoadPolicy.Json("soak", Limit, WindowSeconds);
}
