using Gatehouse.Grains.Caching;
using Microsoft.Extensions.Caching.Distributed;

namespace Gatehouse.Host.Resumption;

/// <summary>
/// <see cref="IDistributedCache"/> over cache-bucket grains, so the MCP transport's event store (for
/// <c>Last-Event-ID</c> resumption) is shared by every replica without another database.
/// </summary>
internal sealed class GrainDistributedCache(IGrainFactory grains, TimeProvider time) : IDistributedCache
{
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        await BucketOf(key).GetAsync(key);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var absolute = options.AbsoluteExpiration ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? time.GetUtcNow() + relative : null);
        await BucketOf(key).SetAsync(key, value, absolute, options.SlidingExpiration);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default) =>
        await BucketOf(key).RefreshAsync(key);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default) =>
        await BucketOf(key).RemoveAsync(key);

    private ICacheBucketGrain BucketOf(string key) => grains.GetGrain<ICacheBucketGrain>(CacheBuckets.Of(key));
}
