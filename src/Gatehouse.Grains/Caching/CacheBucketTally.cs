namespace Gatehouse.Grains;

/// <summary>
/// What the cache buckets activated on this silo hold: entries and their value bytes, kept by the buckets as
/// they change and read by the host's <c>gatehouse.resumption.*</c> gauges. One per silo.
/// </summary>
public sealed class CacheBucketTally
{
    private long _entries;
    private long _bytes;

    /// <summary>Entries held by this silo's buckets.</summary>
    public long Entries => Interlocked.Read(ref _entries);

    /// <summary>Bytes of the values of those entries (keys and bookkeeping not counted).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    internal void Added(int valueBytes)
    {
        Interlocked.Increment(ref _entries);
        Interlocked.Add(ref _bytes, valueBytes);
    }

    internal void Removed(int valueBytes)
    {
        Interlocked.Decrement(ref _entries);
        Interlocked.Add(ref _bytes, -valueBytes);
    }
}
