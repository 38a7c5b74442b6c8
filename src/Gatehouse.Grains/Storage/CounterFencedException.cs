namespace Gatehouse.Grains;

/// <summary>A save lost to another activation of the same counter; this activation's view is stale.</summary>
/// <remarks>Serializable, so the caller of the grain (another silo) learns which counter was fenced.</remarks>
[GenerateSerializer, Alias("Gatehouse.CounterFencedException")]
public sealed class CounterFencedException(string key)
    : Exception($"Counter '{key}' was saved by another activation; this one stops deciding.")
{
    [Id(0)]
    public string Key { get; } = key;
}
