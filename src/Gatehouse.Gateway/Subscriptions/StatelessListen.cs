using System.Text.Json.Nodes;
using Gatehouse.Upstreams;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Subscriptions;

/// <summary>
/// A listen held on an upstream that speaks only 2026-07-28 (it has no sessions, so nothing to subscribe a session of):
/// the agent's <c>subscriptions/listen</c>, narrowed to what the upstream can honour, held open upstream over the
/// sessionless wire in the agent's name for as long as the agent's own; the upstream's notifications go to the listen's
/// callbacks, which tag them with the agent's listen. Open once the upstream acknowledged it; ended by disposing.
/// </summary>
internal sealed class StatelessListen(Task held, CancellationTokenSource end) : IAsyncDisposable
{

    /// <exception cref="UpstreamException">The upstream refused the listen, or ended it before acknowledging it.</exception>
    public static async Task<StatelessListen> OpenAsync(
        StatelessUpstreamClient client, string upstream, UpstreamOptions options, JsonObject notifications, ClientCapabilities? capabilities, Implementation? clientInfo, IAgentCallbacks callbacks, CancellationToken cancellationToken)
    {
        var parameters = SessionlessMeta.Stamp(new JsonObject { ["notifications"] = notifications }, capabilities, clientInfo);
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var end = new CancellationTokenSource();
        var held = client.ListenAsync(upstream, options, parameters, async notification =>
        {
            var method = (string?)notification["method"];
            if (method == NotificationMethods.SubscriptionsAcknowledgedNotification)
            {
                acknowledged.TrySetResult();
            }
            else if (method is not null)
            {
                await callbacks.NotifyAsync(method, notification["params"], CancellationToken.None);
            }
        }, end.Token);

        // Open when acknowledged; a listen the upstream refused, or ended first, fails here (and one the agent ended meanwhile is ended).
        var listen = new StatelessListen(held, end);
        try
        {
            if (await Task.WhenAny(acknowledged.Task, held).WaitAsync(cancellationToken) != acknowledged.Task)
            {
                await held;
                throw new UpstreamException(Gatehouse.Grains.Upstreams.UpstreamFrameKind.Broken, upstream, $"Upstream '{upstream}' ended subscriptions/listen before acknowledging it.");
            }
        }
        catch
        {
            await listen.DisposeAsync();
            throw;
        }

        return listen;
    }

    public async ValueTask DisposeAsync()
    {
        await end.CancelAsync();
        try
        {
            await held;
        }
        catch (Exception ex) when (ex is OperationCanceledException or UpstreamException)
        {
            // Ended as asked, or already ended upstream.
        }

        end.Dispose();
    }
}
