namespace Gatehouse.Grains;

/// <summary>Which partition of the idle-counter table keeps a counter key: the same on every silo.</summary>
public static class IdleCounterTable
{
    public const int Partitions = 64;

    /// <summary>FNV-1a over the key's UTF-16 code units (string hashes are randomized per process, so not those).</summary>
    public static int PartitionOf(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Partitions);
    }

    public static IIdleCounterTableGrain For(IGrainFactory grains, string key) => grains.GetGrain<IIdleCounterTableGrain>(PartitionOf(key));
}
