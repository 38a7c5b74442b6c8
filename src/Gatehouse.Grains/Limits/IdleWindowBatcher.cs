namespace Gatehouse.Grains;

/// <summary>
/// Sends the windows of counters leaving this silo's memory to their table partitions, many per message: the first at
/// once, and those that arrive while a send is in flight together in the next (group commit). Counters go idle in
/// crowds — every counter idle for two minutes leaves at the same collection — and a message each would swamp the
/// partitions. Each caller's task completes once its window's partition has it, so a counter's next activation can
/// never look before its window is there.
/// </summary>
internal sealed class IdleWindowBatcher(IGrainFactory grains)
{
    /// <summary>Most windows one message carries.</summary>
    internal const int MaxBatch = 2048;

    private readonly Lock _lock = new();
    private List<Pending> _pending = [];
    private Task? _sending;

    public Task KeepAsync(IdleWindow window)
    {
        var pending = new Pending(window, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            _pending.Add(pending);
            _sending ??= Task.Run(SendLoopAsync);
        }

        return pending.Kept.Task;
    }

    private async Task SendLoopAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _sending = null;
                    return;
                }

                batch = _pending;
                _pending = [];
            }

            await Task.WhenAll(batch.GroupBy(p => IdleCounterTable.PartitionOf(p.Window.Key)).Select(SendAsync));
        }
    }

    private async Task SendAsync(IGrouping<int, Pending> partition)
    {
        var table = grains.GetGrain<IIdleCounterTableGrain>(partition.Key);
        foreach (var chunk in partition.Chunk(MaxBatch))
        {
            try
            {
                await table.KeepAsync([.. chunk.Select(p => p.Window)]);
                foreach (var pending in chunk)
                {
                    pending.Kept.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                foreach (var pending in chunk)
                {
                    pending.Kept.TrySetException(ex);
                }
            }
        }
    }

    private sealed record Pending(IdleWindow Window, TaskCompletionSource Kept);
}
