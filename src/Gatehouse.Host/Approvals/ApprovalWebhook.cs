using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Grains;
using Gatehouse.Grains.Approvals;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Approvals;

/// <summary>
/// POSTs each new pending approval to <c>Gatehouse:Approvals:WebhookUrl</c>. The approval's grain tells it (so one
/// POST per approval cluster-wide); it queues and returns at once, and each notification is retried on its own
/// schedule, so a slow or failing receiver neither holds the call nor delays the next notification.
/// </summary>
internal sealed partial class ApprovalWebhook(
    IHttpClientFactory clients,
    IOptions<ApprovalsOptions> options,
    ApprovalPage page,
    ApprovalWebhookSchedule schedule,
    TimeProvider time,
    ILogger<ApprovalWebhook> logger) : BackgroundService, IApprovalNotifier
{
    public const string ClientName = "gatehouse-approval-webhook";

    private readonly Channel<ApprovalView> _queue = Channel.CreateUnbounded<ApprovalView>(new UnboundedChannelOptions { SingleReader = true });

    public void Pending(ApprovalView approval) => _queue.Writer.TryWrite(approval);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var deliveries = new List<Task>();
        try
        {
            await foreach (var approval in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                deliveries.RemoveAll(delivery => delivery.IsCompleted);
                deliveries.Add(DeliverAsync(approval, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: deliveries in flight end with their token.
        }

        await Task.WhenAll(deliveries);
    }

    private async Task DeliverAsync(ApprovalView approval, CancellationToken stoppingToken)
    {
        var url = options.Value.WebhookUrl!;
        var payload = Payload(approval, LinkTo(approval));
        for (var attempt = 0; ; attempt++)
        {
            string failure;
            try
            {
                using var client = clients.CreateClient(ClientName);
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                attemptTimeout.CancelAfter(schedule.Timeout);
                using var response = await client.PostAsJsonAsync(url, payload, attemptTimeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    Log.Delivered(logger, approval.Id, attempt + 1);
                    return;
                }

                failure = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
            {
                failure = ex.GetType().Name;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (attempt >= schedule.Retries.Count)
            {
                Log.GaveUp(logger, approval.Id, attempt + 1, failure);
                return;
            }

            Log.Retrying(logger, approval.Id, attempt + 1, failure, schedule.Retries[attempt].TotalSeconds);
            try
            {
                await Task.Delay(schedule.Retries[attempt], time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private string? LinkTo(ApprovalView approval) => page.LinkTo(approval.Id);

    private static object Payload(ApprovalView approval, string? link)
    {
        var request = approval.Request;
        var seconds = (int)(approval.ExpiresAt - approval.RequestedAt).TotalSeconds;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Gatehouse: grant '{request.GrantId}' wants to call '{request.Tool}' on '{request.Upstream}'{(request.Risk is { } risk ? $" (risk {risk})" : string.Empty)}; decide within {seconds} s{(link is null ? "." : $": {link}")}");
        return new
        {
            text,
            id = approval.Id,
            grant = request.GrantId,
            upstream = request.Upstream,
            tool = request.Tool,
            arguments = JsonDocument.Parse(request.ArgumentsJson).RootElement,
            risk = request.Risk,
            rule = request.Rule,
            by = request.By,
            requestedAt = approval.RequestedAt,
            expiresAt = approval.ExpiresAt,
            url = link,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2620, Level = LogLevel.Information, Message = "Approval {ApprovalId} notified to the webhook (attempt {Attempt})")]
        public static partial void Delivered(ILogger logger, string approvalId, int attempt);

        [LoggerMessage(EventId = 2621, Level = LogLevel.Warning, Message = "Notifying approval {ApprovalId} failed (attempt {Attempt}: {Failure}); retrying in {Seconds} s")]
        public static partial void Retrying(ILogger logger, string approvalId, int attempt, string failure, double seconds);

        [LoggerMessage(EventId = 2622, Level = LogLevel.Error, Message = "Gave up notifying approval {ApprovalId} after {Attempts} attempts ({Failure})")]
        public static partial void GaveUp(ILogger logger, string approvalId, int attempts, string failure);
    }
}
