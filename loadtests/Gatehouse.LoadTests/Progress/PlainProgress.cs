using System.Globalization;
using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Progress;

/// <summary>Progress as plain lines on standard error, for redirected output (CI logs, files).</summary>
internal sealed class PlainProgress(TextWriter error) : ProgressView
{
    public override void Status(string text) => error.WriteLine("... " + text);

    public override void Watch(CallLog log) => error.WriteLine($"... {log.Label}: running");

    public override void Completed(PhaseStats stats) => error.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"... {stats.Label}: {stats.Calls} calls in {stats.Seconds:0.0} s ({stats.CallsPerSecond:0}/s), admitted {stats.Admitted}, rate limited {stats.RateLimited}, errors {stats.Errors}, p50 {stats.Latency.P50:0.00} ms, p99 {stats.Latency.P99:0.00} ms"));
}
