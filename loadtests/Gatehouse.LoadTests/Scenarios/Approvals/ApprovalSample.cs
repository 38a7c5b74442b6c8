namespace Gatehouse.LoadTests.Scenarios.Approvals;

/// <summary>One held call, approved; times in milliseconds.</summary>
/// <param name="Iteration">Its place in the run, warm-up included (0 is the first).</param>
/// <param name="Warmup">Whether it was a warm-up call, left out of the figures.</param>
/// <param name="HeldToEventMs">From sending <c>tools/call</c> on replica A to the event stream of replica B telling of the new approval.</param>
/// <param name="HeldToListedMs">From sending it to replica B's <c>GET /admin/approvals</c>, read on that event, listing it (what the console then shows).</param>
/// <param name="ApproveToResultMs">From sending <c>POST /admin/approvals/{id}/approve</c> to replica C to the call's result arriving on A.</param>
internal sealed record ApprovalSample(int Iteration, bool Warmup, double HeldToEventMs, double HeldToListedMs, double ApproveToResultMs);
