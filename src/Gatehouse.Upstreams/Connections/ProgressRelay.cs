using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Gatehouse.Upstreams;

/// <summary>One request's progress notifications, passed on one at a time in the order they came.</summary>
public sealed class ProgressRelay
{
    private readonly Channel<(JsonObject? Progress, TaskCompletionSource? Flushed)> _queue =
        Channel.CreateUnbounded<(JsonObject?, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _pump;

    public ProgressRelay(Func<JsonObject, ValueTask> onProgress)
    {
        _pump = PumpAsync(onProgress);
    }

    public void Enqueue(JsonObject progress) => _queue.Writer.TryWrite((progress, null));

    /// <summary>Waits until every notification queued so far has been passed on; later ones are still taken.</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((null, flushed)) ? flushed.Task : _pump;
    }

    /// <summary>Waits until every notification queued so far has been passed on; none are taken after.</summary>
    public Task DrainAsync()
    {
        _queue.Writer.TryComplete();
        return _pump;
    }

    private async Task PumpAsync(Func<JsonObject, ValueTask> onProgress)
    {
        await foreach (var (progress, flushed) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (flushed is not null)
            {
                flushed.TrySetResult();
                continue;
            }

            try
            {
                await onProgress(progress!).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
            {
                // The agent went away or its stream closed; progress is advisory, the request goes on.
            }
        }
    }
}
