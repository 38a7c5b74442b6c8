using Gatehouse.Grains.Replies;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Sessions;

/// <summary>
/// Lets an agent cancel a request through any replica. A request still running after a short while
/// waits on its cancellation grain; a <c>notifications/cancelled</c> arriving at another replica
/// signals that grain (see <c>McpMessageGate</c> in <c>Front/Messages</c>), and the request is cancelled here,
/// which cancels it upstream. Quick requests never touch a grain.
/// </summary>
internal sealed class CancellationWatcher(IGrainFactory grains, TimeProvider time)
{
    /// <summary>How long a request runs before it starts watching; cancelling sooner only works on its own replica.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(250);

    /// <summary>The key of the cancellation signal of one agent request.</summary>
    public static string KeyOf(string sessionId, string requestId) => $"{sessionId}/{requestId}";

    public IAsyncDisposable Watch(string sessionId, RequestId requestId, CancellationTokenSource request) =>
        new Watching(grains.GetGrain<ICancellationGrain>(KeyOf(sessionId, requestId.ToString())), request, time);

    private sealed class Watching : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _watch;

        public Watching(ICancellationGrain grain, CancellationTokenSource request, TimeProvider time)
        {
            _watch = WatchAsync(grain, request, time);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();

            // The request ended first (nearly always): the watch ends without an exception, since one thrown
            // and caught on every call cost more CPU than the rest of the watch (profiled, docs/benchmarks.md).
            await _watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _stop.Dispose();
        }

        private async Task WatchAsync(ICancellationGrain grain, CancellationTokenSource request, TimeProvider time)
        {
            await Task.Delay(Delay, time, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            await grain.WaitForCancelAsync(_stop.Token);
            await request.CancelAsync();
        }
    }
}
