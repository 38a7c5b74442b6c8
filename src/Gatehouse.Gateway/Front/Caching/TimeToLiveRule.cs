namespace Gatehouse.Gateway.Front.Caching;

/// <summary>How long a result built from several upstream answers stays fresh (<c>ttlMs</c> of 2026-07-28).</summary>
internal static class TimeToLiveRule
{
    /// <summary>The smallest time to live of the answers (milliseconds), or null unless every answer gave one.</summary>
    /// <param name="answers">Each answer's <c>ttlMs</c>; null for one that gave none. An answer without one is stale at once,
    /// so a result that holds it is too.</param>
    public static long? Smallest(IEnumerable<long?> answers)
    {
        long? smallest = null;
        foreach (var answer in answers)
        {
            if (answer is not { } ttl)
            {
                return null;
            }

            smallest = smallest is { } soFar ? Math.Min(soFar, ttl) : ttl;
        }

        return smallest;
    }
}
