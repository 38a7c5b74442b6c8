using ScottPlot;

namespace Gatehouse.LoadTests.Reports;

/// <summary>The PNG plots of the reports (ScottPlot).</summary>
internal static class Plots
{
    private const int Width = 900;
    private const int Height = 520;

    private static readonly (double Quantile, string Label)[] PercentileTicks =
        [(0, "0%"), (0.5, "50%"), (0.9, "90%"), (0.99, "99%"), (0.999, "99.9%"), (0.9999, "99.99%"), (0.99999, "99.999%")];

    /// <summary>
    /// Latency by percentile, one line per series: the x axis is in "nines" (−log10(1 − q)), so the tail
    /// (p99, p99.9) gets as much room as the median.
    /// </summary>
    public static void Percentiles(string path, string title, IEnumerable<(string Label, IReadOnlyCollection<double> LatenciesMs)> series)
    {
        var plot = new Plot();
        var deepest = 0.0;
        var (lowest, highest) = (double.MaxValue, 0.0);
        foreach (var (label, latencies) in series)
        {
            var sorted = latencies.Order().ToArray();
            if (sorted.Length == 0)
            {
                continue;
            }

            var xs = new List<double>();
            var ys = new List<double>();
            for (var i = 0; i < sorted.Length; i += Math.Max(1, sorted.Length / 4000))
            {
                xs.Add(Nines((double)i / sorted.Length));
                ys.Add(sorted[i]);
            }

            xs.Add(Nines(1 - (1.0 / sorted.Length)));
            ys.Add(sorted[^1]);
            lowest = Math.Min(lowest, sorted[0]);
            highest = Math.Max(highest, sorted[^1]);
            deepest = Math.Max(deepest, xs[^1]);
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.Select(LogMs).ToArray());
            line.LegendText = label;
            line.LineWidth = 2;
        }

        plot.Axes.Left.TickGenerator = LogMsTicks(lowest, highest);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (quantile, label) in PercentileTicks.Where(t => Nines(t.Quantile) <= deepest + 0.01))
        {
            ticks.AddMajor(Nines(quantile), label);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        Finish(plot, path, title, "percentile", "latency (ms, log scale)");
    }

    /// <summary>Each call's latency against the time it started, by outcome; vertical lines mark events (a kill).</summary>
    public static void Timeline(string path, string title, IEnumerable<(string Label, double[] Seconds, double[] LatenciesMs)> series, IEnumerable<(double Seconds, string Label)> events)
    {
        var plot = new Plot();
        foreach (var (label, seconds, latencies) in series.Where(s => s.Seconds.Length > 0))
        {
            var points = plot.Add.ScatterPoints(seconds, latencies);
            points.LegendText = label;
            points.MarkerSize = 3;
        }

        foreach (var (seconds, label) in events)
        {
            var line = plot.Add.VerticalLine(seconds, 2, Colors.Red, LinePattern.Dashed);
            line.LegendText = label;
        }

        Finish(plot, path, title, "seconds since the start of the run", "latency (ms)");
    }

    /// <summary>
    /// One or more lines over a common x axis (e.g. counters held); a NaN is a point not measured, left out of its
    /// line. <paramref name="marker"/> draws a vertical line (e.g. the end of a warm-up).
    /// </summary>
    public static void Lines(
        string path, string title, string xLabel, string yLabel, double[] xs, IEnumerable<(string Label, double[] Ys)> series,
        bool logX = false, (double Value, string Label)? target = null, (double X, string Label)? marker = null)
    {
        var plot = new Plot();
        var x = logX ? xs.Select(Math.Log10).ToArray() : xs;
        var top = 0.0;
        foreach (var (label, all) in series)
        {
            var measured = Enumerable.Range(0, all.Length).Where(i => !double.IsNaN(all[i])).ToArray();
            var ys = measured.Select(i => all[i]).ToArray();
            var line = plot.Add.ScatterLine(measured.Select(i => x[i]).ToArray(), ys);
            line.LegendText = label;
            line.LineWidth = 2;
            line.MarkerSize = xs.Length > 50 ? 0 : 7;
            top = Math.Max(top, ys.DefaultIfEmpty(0).Max());
        }

        if (target is { } t)
        {
            var goal = plot.Add.HorizontalLine(t.Value, 2, Colors.Green, LinePattern.Dashed);
            goal.LegendText = t.Label;
            top = Math.Max(top, t.Value);
        }

        if (marker is { } m)
        {
            var edge = plot.Add.VerticalLine(m.X, 2, Colors.Gray, LinePattern.Dashed);
            edge.LegendText = m.Label;
        }

        // From zero, so that a flat line looks flat.
        plot.Axes.SetLimitsY(0, top * 1.15);

        if (logX)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            foreach (var value in xs)
            {
                ticks.AddMajor(Math.Log10(value), value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }

            plot.Axes.Bottom.TickGenerator = ticks;
        }

        Finish(plot, path, title, xLabel, yLabel);
    }

    /// <summary>Latency on a log scale; 1 µs is the floor.</summary>
    private static double LogMs(double ms) => Math.Log10(Math.Max(ms, 0.001));

    private static ScottPlot.TickGenerators.NumericManual LogMsTicks(double lowest, double highest)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var ms in new[] { 0.001, 0.01, 0.1, 1, 10, 100, 1000, 10000, 100000 })
        {
            if (ms >= lowest / 10 && ms <= highest * 10)
            {
                ticks.AddMajor(LogMs(ms), ms.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return ticks;
    }

    private static double Nines(double quantile) => -Math.Log10(Math.Max(1 - quantile, 1e-6));

    private static void Finish(Plot plot, string path, string title, string xLabel, string yLabel)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, Width, Height);
    }
}
