using Gatehouse.Grains.Caching;
using Microsoft.Extensions.Caching.Distributed;

namespace Gatehouse.Gateway.Resumption;

/// <summary>
/// <see cref="IDistributedCache"/> over cache-bucket grains, so the MCP transport's event store (for
/// <c>Last-Event-ID</c> resumption) is shared by every replica without another database. Given to
/// that store alone (not registered as the application's cache), and asynchronous only: a grain call
/// is never waited on while a thread blocks.
/// </summary>
internal sealed class GrainDistributedCache(IGrainFactory grains, TimeProvider time) : IDistributedCache
{
    public byte[]? Get(string key) => throw Synchronous(nameof(Get));

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        await BucketOf(key).GetAsync(key);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw Synchronous(nameof(Set));

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var absolute = options.AbsoluteExpiration ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? time.GetUtcNow() + relative : null);
        await BucketOf(key).SetAsync(key, value, absolute, options.SlidingExpiration);
    }

    public void Refresh(string key) => throw Synchronous(nameof(Refresh));

    public async Task RefreshAsync(string key, CancellationToken token = default) =>
        await BucketOf(key).RefreshAsync(key);

    public void Remove(string key) => throw Synchronous(nameof(Remove));

    public async Task RemoveAsync(string key, CancellationToken token = default) =>
        await BucketOf(key).RemoveAsync(key);

    private static NotSupportedException Synchronous(string method) =>
        new($"{nameof(GrainDistributedCache)}.{method}: the grain-backed cache is asynchronous only; use {method}Async.");

    private ICacheBucketGrain BucketOf(string key) => grains.GetGrain<ICacheBucketGrain>(CacheBuckets.Of(key));
}
