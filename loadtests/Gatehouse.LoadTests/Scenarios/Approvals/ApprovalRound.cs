using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Gatehouse.LoadTests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.LoadTests.Scenarios.Approvals;

/// <summary>
/// One held call, measured: the agent calls through replica A; the operator hears of it on replica B's event
/// stream, reads B's pending list, and approves through replica C; the agent gets its result. Before the next call,
/// the stream must tell of the approval leaving the pending list, so that every call starts on a quiet stream.
/// </summary>
internal sealed class ApprovalRound(McpClient agent, ApprovalEventStream events, Uri console, Uri approver, string adminToken)
{
    public const string Tool = "transfer";

    /// <summary>Longest any one step may take before the run fails (the policy holds a call for 600 s).</summary>
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);

    public async Task<ApprovalSample> MeasureAsync(int iteration, bool warmup)
    {
        using var limit = new CancellationTokenSource(StepLimit);
        var to = $"acct-{iteration.ToString(CultureInfo.InvariantCulture)}";
        var amount = iteration + 1;

        var sent = Stopwatch.GetTimestamp();
        var held = CallAsync(new Dictionary<string, object?> { ["amount"] = amount, ["to"] = to }, limit.Token);
        var seen = PendingAsync(to, limit.Token);
        if (await Task.WhenAny(held, seen) == held)
        {
            var (early, _) = await held;
            throw new InvalidOperationException($"the call of {Tool} was answered without being held: {Text(early)}");
        }

        var (eventAt, listedAt, id) = await seen;
        var approving = Stopwatch.GetTimestamp();
        await AdminClient.ApproveAsync(approver, adminToken, id);
        var (result, answeredAt) = await held;
        var expected = string.Create(CultureInfo.InvariantCulture, $"transferred {amount} to {to}");
        if (result.IsError == true || Text(result) != expected)
        {
            throw new InvalidOperationException($"approval {id} was approved, but the call answered '{Text(result)}' instead of '{expected}'");
        }

        await GoneAsync(id, limit.Token);
        return new ApprovalSample(iteration, warmup, Ms(sent, eventAt), Ms(sent, listedAt), Ms(approving, answeredAt));
    }

    /// <summary>Waits for the stream's greeting and the replica's first reading of the index, so that the first call starts on a quiet stream.</summary>
    public async Task ListeningAsync()
    {
        using var limit = new CancellationTokenSource(StepLimit);
        ApprovalChange change;
        do
        {
            change = await events.NextAsync(limit.Token);
        }
        while (change.Version == 0);
    }

    /// <summary>The call, and when its result arrived (stamped here, not when the awaiting code got to it).</summary>
    private async Task<(CallToolResult Result, long AnsweredAt)> CallAsync(Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var result = await agent.CallToolAsync(Tool, arguments, cancellationToken: cancellationToken);
        return (result, Stopwatch.GetTimestamp());
    }

    /// <summary>The first event after which the console's pending list shows the call held with <paramref name="to"/>.</summary>
    private async Task<(long EventAt, long ListedAt, string Id)> PendingAsync(string to, CancellationToken cancellationToken)
    {
        while (true)
        {
            var change = await events.NextAsync(cancellationToken);
            var pending = await AdminClient.PendingApprovalsAsync(console, adminToken);
            var listedAt = Stopwatch.GetTimestamp();
            if (pending.FirstOrDefault(a => (string?)a!["tool"] == Tool && (string?)a!["arguments"]?["to"] == to) is JsonObject approval)
            {
                return (change.ArrivedAt, listedAt, (string)approval["id"]!);
            }
        }
    }

    /// <summary>Takes events until the console's pending list no longer shows <paramref name="id"/>.</summary>
    private async Task GoneAsync(string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            await events.NextAsync(cancellationToken);
            var pending = await AdminClient.PendingApprovalsAsync(console, adminToken);
            if (!pending.Any(a => (string?)a!["id"] == id))
            {
                return;
            }
        }
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
