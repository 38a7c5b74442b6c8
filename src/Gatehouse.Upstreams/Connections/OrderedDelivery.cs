using System.Threading.Channels;

namespace Gatehouse.Upstreams;

/// <summary>
/// Items passed on one at a time, in the order they were queued. A flush waits until everything queued before it has
/// been passed on; completing waits for all of it and takes nothing after. What is passed on is advisory (progress, log
/// lines, list changes): a delivery that fails is dropped, and the next one goes on.
/// </summary>
internal sealed class OrderedDelivery<T>
    where T : class
{
    private readonly Channel<(T? Item, TaskCompletionSource? Flushed)> _queue =
        Channel.CreateUnbounded<(T?, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _pump;

    public OrderedDelivery(Func<T, ValueTask> deliver)
    {
        _pump = PumpAsync(deliver);
    }

    public void Enqueue(T item) => _queue.Writer.TryWrite((item, null));

    /// <summary>Waits until every item queued so far has been passed on; later ones are still taken.</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((null, flushed)) ? flushed.Task : _pump;
    }

    /// <summary>Waits until every item queued so far has been passed on; none are taken after.</summary>
    public Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        return _pump;
    }

    private async Task PumpAsync(Func<T, ValueTask> deliver)
    {
        await foreach (var (item, flushed) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (flushed is not null)
            {
                flushed.TrySetResult();
                continue;
            }

            try
            {
                await deliver(item!).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The agent went away or its stream closed; what was passed on is advisory, and the rest goes on.
            }
        }
    }
}
