using System.Collections.Concurrent;

namespace Gatehouse.Grains;

/// <summary>
/// Carries the windows of counters leaving this silo's memory to their table partitions, many per message: the first at
/// once, and those that arrive while a send is in flight together in the next (group commit). Counters go idle in
/// crowds — every counter idle for two minutes leaves at the same collection — and a message each would swamp the
/// partitions. A caller's task completes once its window's partition has it.
/// </summary>
/// <remarks>
/// A counter's next activation takes its window through <see cref="TakeAsync"/>, which looks here first: a window still
/// waiting is handed over directly, and one being sent is waited for before the partition is asked. So an activation
/// on this silo never misses its window, even when a crowd of deactivations outlasted Orleans' deactivation timeout.
/// </remarks>
internal sealed class IdleWindowBatcher(IGrainFactory grains)
{
    /// <summary>Most windows one message carries.</summary>
    internal const int MaxBatch = 2048;

    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, Pending> _sending = new(StringComparer.Ordinal);
    private Dictionary<string, Pending> _waiting = new(StringComparer.Ordinal);
    private Task? _loop;

    public Task KeepAsync(IdleWindow window)
    {
        var pending = new Pending(window, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            if (_waiting.Remove(window.Key, out var replaced))
            {
                replaced.Kept.TrySetResult();
            }

            _waiting.Add(window.Key, pending);
            _loop ??= Task.Run(SendLoopAsync);
        }

        return pending.Kept.Task;
    }

    /// <summary>Removes and returns the window kept for <paramref name="key"/>, here or in its partition; null if none.</summary>
    public async Task<byte[]?> TakeAsync(string key)
    {
        lock (_lock)
        {
            if (_waiting.Remove(key, out var waiting))
            {
                waiting.Kept.TrySetResult();
                return waiting.Window.Window;
            }
        }

        if (_sending.TryGetValue(key, out var sending))
        {
            await sending.Kept.Task.ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        return await IdleCounterTable.For(grains, key).TakeAsync(key);
    }

    private async Task SendLoopAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _loop = null;
                    return;
                }

                batch = [.. _waiting.Values];
                _waiting = new Dictionary<string, Pending>(StringComparer.Ordinal);
                foreach (var pending in batch)
                {
                    _sending[pending.Window.Key] = pending;
                }
            }

            await Task.WhenAll(batch.GroupBy(p => IdleCounterTable.PartitionOf(p.Window.Key)).Select(SendAsync));
        }
    }

    private async Task SendAsync(IGrouping<int, Pending> partition)
    {
        var table = grains.GetGrain<IIdleCounterTableGrain>(partition.Key);
        foreach (var chunk in partition.Chunk(MaxBatch))
        {
            Exception? failure = null;
            try
            {
                await table.KeepAsync([.. chunk.Select(p => p.Window)]);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            foreach (var pending in chunk)
            {
                _sending.TryRemove(new KeyValuePair<string, Pending>(pending.Window.Key, pending));
                _ = failure is null ? pending.Kept.TrySetResult() : pending.Kept.TrySetException(failure);
            }
        }
    }

    private sealed record Pending(IdleWindow Window, TaskCompletionSource Kept);
}
