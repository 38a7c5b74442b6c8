namespace Gatehouse.Grains.Caching;

/// <summary>
/// One entry of the cluster's distributed cache (keyed by the cache key): the SSE events and stream
/// records the MCP transport keeps so an agent can resume a stream on any replica (<c>Last-Event-ID</c>).
/// Entries live in memory and expire; resumption after the loss of the silo holding one is best effort.
/// </summary>
[Alias("Gatehouse.ICacheEntryGrain")]
public interface ICacheEntryGrain : IGrainWithStringKey
{
    [Alias("Get")]
    ValueTask<byte[]?> GetAsync();

    /// <summary>Stores the value; it expires at <paramref name="absoluteExpiration"/>, or after <paramref name="slidingExpiration"/> without a read.</summary>
    [Alias("Set")]
    ValueTask SetAsync(byte[] value, DateTimeOffset? absoluteExpiration, TimeSpan? slidingExpiration);

    [Alias("Refresh")]
    ValueTask RefreshAsync();

    [Alias("Remove")]
    ValueTask RemoveAsync();
}
