namespace Gatehouse.Grains;

/// <summary>A save lost to another activation of the same counter; this activation's view is stale.</summary>
public sealed class CounterFencedException(string key)
    : Exception($"Counter '{key}' was saved by another activation; this one stops deciding.")
{
    public string Key { get; } = key;
}
