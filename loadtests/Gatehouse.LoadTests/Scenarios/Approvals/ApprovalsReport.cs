using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Approvals;

/// <summary>What <c>approvals</c> measured.</summary>
/// <param name="Machine">Where it ran.</param>
/// <param name="Replicas">Replicas in the cluster.</param>
/// <param name="Warmup">Held calls left out of the figures.</param>
/// <param name="Samples">Every held call, warm-up included.</param>
/// <param name="RanUpstream">Calls of the tool the upstream really ran (its own count): one per approval, never more.</param>
internal sealed record ApprovalsReport(MachineInfo Machine, int Replicas, int Warmup, IReadOnlyList<ApprovalSample> Samples, int RanUpstream)
{
    /// <summary>Each approved call ran upstream exactly once.</summary>
    public bool RanOnce => RanUpstream == Samples.Count;

    private IEnumerable<ApprovalSample> Measured => Samples.Where(s => !s.Warmup);

    public LatencySummary HeldToEvent => LatencySummary.Of(Measured.Select(s => s.HeldToEventMs));

    public LatencySummary HeldToListed => LatencySummary.Of(Measured.Select(s => s.HeldToListedMs));

    public LatencySummary ApproveToResult => LatencySummary.Of(Measured.Select(s => s.ApproveToResultMs));

    public string ToMarkdown()
    {
        var table = new MarkdownTable("figure", "calls", "p50 ms", "p95 ms", "max ms");
        foreach (var (figure, latency) in new[]
        {
            ("held call on A → event on B", HeldToEvent),
            ("held call on A → listed on B (event, then `GET /admin/approvals`)", HeldToListed),
            ("Approve on C → result on A", ApproveToResult),
        })
        {
            table.Row(figure, latency.Count, MarkdownTable.Ms(latency.P50), MarkdownTable.Ms(latency.P95), MarkdownTable.Ms(latency.Max));
        }

        return $"{Replicas} replicas on PostgreSQL; one agent calls through replica A a tool held for approval, {HeldToEvent.Count} times in a row "
            + $"after {Warmup} warm-up calls, each with new arguments (a new approval); the operator listens to replica B's "
            + $"`GET /admin/approvals/events` and approves through replica C; the upstream ran {RanUpstream} of the {Samples.Count} approved calls; {Machine}.\n\n{table}";
    }
}
