namespace Gatehouse.Policy;

/// <summary>Creates and restores <see cref="IWindowCounter"/>s.</summary>
public static class WindowCounter
{
    /// <summary>A new, empty counter (a token bucket starts full) of <paramref name="max"/> units per <paramref name="window"/>.</summary>
    public static IWindowCounter Create(WindowAlgorithm algorithm, WindowSpec window, decimal max) => algorithm switch
    {
        WindowAlgorithm.Fixed => new FixedWindowCounter(window.Seconds, max),
        WindowAlgorithm.Sliding => new SlidingWindowCounter(window.Seconds, max),
        WindowAlgorithm.TokenBucket => new TokenBucketCounter(window.Seconds, max),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown window algorithm"),
    };

    /// <summary>The counter <paramref name="state"/> was exported from, exactly. When the policy now asks for a
    /// different algorithm, window or max, the caller creates a new counter instead.</summary>
    public static IWindowCounter Restore(CounterState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Algorithm switch
        {
            WindowAlgorithm.Fixed => FixedWindowCounter.Restore(state),
            WindowAlgorithm.Sliding => SlidingWindowCounter.Restore(state),
            WindowAlgorithm.TokenBucket => TokenBucketCounter.Restore(state),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state.Algorithm, "unknown window algorithm"),
        };
    }
}
