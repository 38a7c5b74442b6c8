using System.Globalization;

namespace Gatehouse.Host.OperatorConsole;

/// <summary>
/// <c>GET /admin/approvals/events</c>: a server-sent event stream. It sends <c>event: approvals</c> at once and
/// again whenever the pending approvals change; the page then reads <c>GET /admin/approvals</c>. Comments keep an
/// idle stream open through proxies.
/// </summary>
internal static class ApprovalEventsEndpoint
{
    public static async Task StreamAsync(HttpContext context, ApprovalWatch watch, TimeProvider time)
    {
        var cancellationToken = context.RequestAborted;
        using var listener = watch.Listen();
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            await response.WriteAsync("retry: 1000\n\nevent: approvals\ndata: 0\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            var ready = listener.Changes.WaitToReadAsync(cancellationToken).AsTask();
            while (true)
            {
                var heartbeat = Task.Delay(ConsoleDefaults.EventStreamHeartbeat, time, cancellationToken);
                if (await Task.WhenAny(ready, heartbeat) == ready)
                {
                    if (!await ready)
                    {
                        return;
                    }

                    while (listener.Changes.TryRead(out var version))
                    {
                        await response.WriteAsync($"event: approvals\ndata: {version.ToString(CultureInfo.InvariantCulture)}\n\n", cancellationToken);
                    }

                    ready = listener.Changes.WaitToReadAsync(cancellationToken).AsTask();
                }
                else
                {
                    await heartbeat;
                    await response.WriteAsync(": still here\n\n", cancellationToken);
                }

                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The console went away.
        }
    }
}
