namespace Gatehouse.LoadTests;

/// <summary>Percentiles of a latency sample, in milliseconds (nearest-rank).</summary>
internal sealed record LatencySummary(int Count, double P50, double P90, double P99, double P999, double Max)
{
    public static LatencySummary Of(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, At(0.50), At(0.90), At(0.99), At(0.999), sorted[^1]);
    }
}
