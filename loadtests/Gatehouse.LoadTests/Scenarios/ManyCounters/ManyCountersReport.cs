using System.Globalization;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.ManyCounters;

/// <summary>What <c>many-counters</c> measured.</summary>
internal sealed record ManyCountersReport(MachineInfo Machine, int Concurrency, long BaselineHeapBytes, IReadOnlyList<ManyCountersRow> Rows)
{
    public string ToMarkdown()
    {
        static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture);
        var table = new MarkdownTable("counters", "activations when idle", "windows in the idle table", "created/s", "first decision p50 ms", "first decision p99 ms", "heap MiB", "bytes per counter", "working set MiB", "decision p50 ms", "decision p99 ms", "decision p99.9 ms", "decisions/s");
        foreach (var r in Rows)
        {
            table.Row(r.Counters, r.Activations, r.IdleWindows, r.ActivationsPerSecond, MarkdownTable.Ms(r.FirstDecision.P50), MarkdownTable.Ms(r.FirstDecision.P99), Mib(r.HeapBytes),
                r.BytesPerCounter.ToString("0", CultureInfo.InvariantCulture), Mib(r.WorkingSetBytes), MarkdownTable.Ms(r.Decision.P50), MarkdownTable.Ms(r.Decision.P99),
                MarkdownTable.Ms(r.Decision.P999), r.DecisionsPerSecond);
        }

        return $"One in-process silo (durability None), {Concurrency} decisions in flight; counters made idle (activations collected) at each checkpoint; heap measured after a full compacting GC, baseline {Mib(BaselineHeapBytes)} MiB.\n\n{table}";
    }
}
