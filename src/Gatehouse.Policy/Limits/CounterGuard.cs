namespace Gatehouse.Policy;

/// <summary>Argument checks shared by the window algorithms.</summary>
internal static class CounterGuard
{
    public static void Shape(int windowSeconds, decimal max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
    }

    public static void Cost(decimal cost) => ArgumentOutOfRangeException.ThrowIfNegative(cost);

    public static void Algorithm(CounterState state, WindowAlgorithm expected)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Algorithm != expected)
        {
            throw new ArgumentException($"state is for {state.Algorithm}, not {expected}", nameof(state));
        }

        Shape(state.WindowSeconds, state.Max);
    }
}
