namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>
/// One series after warm-up: its first and last value and the slope of a least-squares line through every
/// post-warm-up sample. It is <c>growing</c> when that line rises by more than <see cref="Tolerance"/> of the
/// series' mean over the post-warm-up span, <c>falling</c> when it drops as much, <c>flat</c> otherwise.
/// </summary>
/// <param name="Series">What (<c>RSS r1</c>, <c>sessions, all replicas</c>).</param>
/// <param name="Unit"><c>MiB</c> or <c>count</c>.</param>
/// <param name="AfterWarmUp">The first sample after the warm-up.</param>
/// <param name="AtEnd">The last sample.</param>
/// <param name="Mean">The mean of the post-warm-up samples.</param>
/// <param name="SlopePerHour">The fitted line's slope, in units per hour.</param>
/// <param name="Rise">The fitted line's rise over the post-warm-up span.</param>
/// <param name="Samples">Post-warm-up samples fitted.</param>
internal sealed record SeriesTrend(string Series, string Unit, double AfterWarmUp, double AtEnd, double Mean, double SlopePerHour, double Rise, int Samples)
{
    /// <summary>A rise over the span of more than 10 % of the mean is growth.</summary>
    public const double Tolerance = 0.10;

    public string Verdict => Samples < 3 ? "too few samples"
        : Rise > Tolerance * Math.Abs(Mean) ? "growing"
        : Rise < -Tolerance * Math.Abs(Mean) ? "falling"
        : "flat";

    /// <param name="series">The series' name.</param>
    /// <param name="unit">Its unit.</param>
    /// <param name="points">(seconds since the load began, value) of the post-warm-up samples, in time order.</param>
    public static SeriesTrend Of(string series, string unit, IReadOnlyList<(double Seconds, double Value)> points)
    {
        if (points.Count == 0)
        {
            return new SeriesTrend(series, unit, 0, 0, 0, 0, 0, 0);
        }

        var meanX = points.Average(p => p.Seconds);
        var meanY = points.Average(p => p.Value);
        var sxx = points.Sum(p => (p.Seconds - meanX) * (p.Seconds - meanX));
        var sxy = points.Sum(p => (p.Seconds - meanX) * (p.Value - meanY));
        var perSecond = sxx > 0 ? sxy / sxx : 0;
        var span = points[^1].Seconds - points[0].Seconds;
        return new SeriesTrend(series, unit, points[0].Value, points[^1].Value, meanY, perSecond * 3600, perSecond * span, points.Count);
    }
}
