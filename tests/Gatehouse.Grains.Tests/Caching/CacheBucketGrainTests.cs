using Gatehouse.Grains.Caching;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Gatehouse.Grains.Tests.Caching;

[Collection(GrainClusterCollection.Name)]
public sealed class CacheBucketGrainTests(GrainClusterFixture fixture)
{
    private ICacheBucketGrain Bucket(string key) => fixture.Cluster.GrainFactory.GetGrain<ICacheBucketGrain>(CacheBuckets.Of(key));

    /// <summary>Entries and value bytes every silo's buckets report holding (what the host's gauges read).</summary>
    private (long Entries, long Bytes) Held()
    {
        var tallies = fixture.Cluster.Silos.Cast<InProcessSiloHandle>().Select(silo => silo.SiloHost.Services.GetRequiredService<CacheBucketTally>()).ToList();
        return (tallies.Sum(t => t.Entries), tallies.Sum(t => t.Bytes));
    }

    [Fact]
    public async Task What_the_buckets_hold_is_counted_as_entries_come_change_and_go()
    {
        var (kept, dropped) = ($"kept-{Guid.NewGuid():N}", $"dropped-{Guid.NewGuid():N}");
        var before = Held();

        await Bucket(kept).SetAsync(kept, [1, 2, 3], null, null);
        await Bucket(dropped).SetAsync(dropped, [1], null, TimeSpan.FromSeconds(30));
        Assert.Equal((before.Entries + 2, before.Bytes + 4), Held());

        await Bucket(kept).SetAsync(kept, [1, 2, 3, 4, 5], null, null);
        Assert.Equal((before.Entries + 2, before.Bytes + 6), Held());

        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(await Bucket(dropped).GetAsync(dropped));
        Assert.Equal((before.Entries + 1, before.Bytes + 5), Held());

        await Bucket(kept).RemoveAsync(kept);
        Assert.Equal(before, Held());
    }

    [Fact]
    public async Task An_entry_is_read_back_until_it_is_removed()
    {
        var key = $"stream-{Guid.NewGuid():N}";
        await Bucket(key).SetAsync(key, [1, 2, 3], null, null);

        Assert.Equal([1, 2, 3], await Bucket(key).GetAsync(key));
        await Bucket(key).RemoveAsync(key);
        Assert.Null(await Bucket(key).GetAsync(key));
    }

    [Fact]
    public async Task Entries_expire_absolutely_or_after_going_unread()
    {
        var (fixedKey, idleKey) = ($"fixed-{Guid.NewGuid():N}", $"idle-{Guid.NewGuid():N}");
        var now = fixture.Time.GetUtcNow();
        await Bucket(fixedKey).SetAsync(fixedKey, [1], now.AddSeconds(60), null);
        await Bucket(idleKey).SetAsync(idleKey, [2], null, TimeSpan.FromSeconds(30));

        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal([2], await Bucket(idleKey).GetAsync(idleKey));
        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal([2], await Bucket(idleKey).GetAsync(idleKey));
        Assert.Equal([1], await Bucket(fixedKey).GetAsync(fixedKey));

        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(await Bucket(idleKey).GetAsync(idleKey));
        Assert.Null(await Bucket(fixedKey).GetAsync(fixedKey));
    }

    [Fact]
    public void A_keys_bucket_is_the_same_in_every_process_and_in_range()
    {
        // FNV-1a is fixed by definition: these values hold on every replica, whatever its runtime.
        Assert.Equal((int)(2166136261u % CacheBuckets.Count), CacheBuckets.Of(string.Empty));
        Assert.Equal((int)(0xE40C292Cu % CacheBuckets.Count), CacheBuckets.Of("a"));
        Assert.All(Enumerable.Range(0, 1000).Select(i => CacheBuckets.Of($"key-{i}")), b => Assert.InRange(b, 0, CacheBuckets.Count - 1));
        Assert.True(Enumerable.Range(0, 1000).Select(i => CacheBuckets.Of($"key-{i}")).Distinct().Count() > CacheBuckets.Count / 2);
    }
}
