namespace Gatehouse.LoadTests.Reports;

/// <summary>Percentiles of a latency sample, in milliseconds (nearest rank).</summary>
internal sealed record LatencySummary(int Count, double Mean, double P50, double P90, double P95, double P99, double P999, double Max)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static LatencySummary Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        return new LatencySummary(sorted.Length, sorted.Average(), At(sorted, 0.50), At(sorted, 0.90), At(sorted, 0.95), At(sorted, 0.99), At(sorted, 0.999), sorted[^1]);
    }

    /// <summary>The nearest-rank percentile <paramref name="q"/> (0..1) of an ascending array.</summary>
    public static double At(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
