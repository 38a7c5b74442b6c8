namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>What the audit log holds of a 2026-07-28 agent's call answered in rounds (bridged or relayed).</summary>
internal static class ContinuedCallAudit
{
    /// <summary>
    /// Asserts the call's rows: its start, allowed and answered <c>input_required</c> (upstream status 2), and, once written,
    /// a round that continued it and brought its result (action <c>continued</c>, upstream status 0).
    /// </summary>
    public static async Task AssertAsync(Uri replica, string grant, string tool)
    {
        var rows = await Eventually.ValueAsync(
            async () => (await GatewayConfig.Admin.GetAsync(replica, $"/admin/audit?grant={grant}&tool={tool}&pageSize=100"))["entries"]!.AsArray(),
            entries => entries.Any(e => (string?)e!["action"] == "continued" && (int?)e["upstreamStatus"] == 0),
            entries => $"no 'continued' row with a result in {entries.ToJsonString()}");
        Assert.Contains(rows, e => (string?)e!["action"] == "allow" && (int?)e["upstreamStatus"] == 2);
    }
}
