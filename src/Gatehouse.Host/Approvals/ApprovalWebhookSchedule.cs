namespace Gatehouse.Host.Approvals;

/// <summary>How long the webhook waits before each retry of one notification (tests give their own).</summary>
internal sealed record ApprovalWebhookSchedule(IReadOnlyList<TimeSpan> Retries, TimeSpan Timeout)
{
    /// <summary>1, 2, 4, 8, 16 and 32 s between attempts (seven in about a minute); 10 s per attempt.</summary>
    public static readonly ApprovalWebhookSchedule Default = new(
        [.. new[] { 1, 2, 4, 8, 16, 32 }.Select(seconds => TimeSpan.FromSeconds(seconds))], TimeSpan.FromSeconds(10));
}
