using System.Text;

namespace Gatehouse.Grains.Caching;

/// <summary>Which <see cref="ICacheBucketGrain"/> holds a cache key: the same answer on every replica.</summary>
public static class CacheBuckets
{
    /// <summary>Buckets in the cluster: enough to spread the load over the silos, few enough to stay activated.</summary>
    public const int Count = 64;

    /// <summary>The bucket of <paramref name="key"/>: FNV-1a of its UTF-8 bytes (string hash codes differ between processes).</summary>
    public static int Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % Count);
    }
}
