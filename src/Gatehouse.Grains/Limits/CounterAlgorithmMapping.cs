using Gatehouse.Grains.Limits;
using Gatehouse.Policy;

namespace Gatehouse.Grains;

/// <summary>Maps between the policy's algorithm names and the wire enum of the grain contract.</summary>
public static class CounterAlgorithmMapping
{
    public static WindowAlgorithm ToPolicy(this CounterAlgorithm algorithm) => algorithm switch
    {
        CounterAlgorithm.Fixed => WindowAlgorithm.Fixed,
        CounterAlgorithm.Sliding => WindowAlgorithm.Sliding,
        CounterAlgorithm.TokenBucket => WindowAlgorithm.TokenBucket,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown counter algorithm"),
    };

    public static CounterAlgorithm ToGrain(this WindowAlgorithm algorithm) => algorithm switch
    {
        WindowAlgorithm.Fixed => CounterAlgorithm.Fixed,
        WindowAlgorithm.Sliding => CounterAlgorithm.Sliding,
        WindowAlgorithm.TokenBucket => CounterAlgorithm.TokenBucket,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown window algorithm"),
    };

    /// <summary>The grain-side definition of a policy limit.</summary>
    public static CounterLimit ToCounterLimit(this LimitRule rule) => new(rule.Algorithm.ToGrain(), rule.Window.Seconds, rule.Max);
}
