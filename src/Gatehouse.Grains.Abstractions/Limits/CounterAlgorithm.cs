namespace Gatehouse.Grains.Limits;

/// <summary>The window algorithm a counter grain runs.</summary>
[GenerateSerializer, Alias("Gatehouse.CounterAlgorithm")]
public enum CounterAlgorithm
{
    Fixed = 0,
    Sliding = 1,
    TokenBucket = 2,
}
