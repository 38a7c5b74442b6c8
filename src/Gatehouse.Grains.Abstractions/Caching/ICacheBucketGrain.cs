namespace Gatehouse.Grains.Caching;

/// <summary>
/// One bucket of the cluster's distributed cache (keyed by bucket number; a key's bucket is a stable
/// hash of the key, see <see cref="CacheBuckets"/>): the SSE events and stream records the MCP transport
/// keeps so an agent can resume a stream on any replica (<c>Last-Event-ID</c>). A fixed set of long-lived
/// buckets, rather than a grain per entry, keeps the per-request cost to a message: no activation is
/// created or destroyed per event. Entries live in memory and expire; resumption after the loss of the
/// silo holding a bucket is best effort.
/// </summary>
[Alias("Gatehouse.ICacheBucketGrain")]
public interface ICacheBucketGrain : IGrainWithIntegerKey
{
    [Alias("Get")]
    ValueTask<byte[]?> GetAsync(string key);

    /// <summary>Stores the value; it expires at <paramref name="absoluteExpiration"/>, or after <paramref name="slidingExpiration"/> without a read.</summary>
    [Alias("Set")]
    ValueTask SetAsync(string key, byte[] value, DateTimeOffset? absoluteExpiration, TimeSpan? slidingExpiration);

    [Alias("Refresh")]
    ValueTask RefreshAsync(string key);

    [Alias("Remove")]
    ValueTask RemoveAsync(string key);
}
