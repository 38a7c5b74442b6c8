using System.Collections.Concurrent;
using Gatehouse.Grains.Limits;

namespace Gatehouse.Gateway.Limits;

/// <summary>
/// Coalesces this replica's concurrent requests for one counter key. The first request goes to the
/// key's grain at once; requests arriving while it is in flight wait, and go together as one
/// <see cref="ICounterGrain.TryAcquireBatchAsync"/> when it returns. A hot counter then costs one grain
/// message per round trip per replica instead of one per call, and the grain still decides each request
/// on its own, in order, so the limit stays exact. Under light load nothing waits.
/// </summary>
internal sealed class CounterBatcher(IGrainFactory grains)
{
    /// <summary>Most requests sent in one batch.</summary>
    public const int MaxBatch = 512;

    private readonly ConcurrentDictionary<string, KeyQueue> _queues = new(StringComparer.Ordinal);

    public Task<CounterDecision> TryAcquireAsync(string key, CounterLimit limit, decimal cost)
    {
        var request = new Request(limit, cost);
        while (true)
        {
            var queue = _queues.GetOrAdd(key, static (name, factory) => new KeyQueue(factory.GetGrain<ICounterGrain>(name)), grains);
            bool pump;
            lock (queue)
            {
                if (queue.Retired)
                {
                    // Its pump went idle and took it out of the map just now: use the next one.
                    continue;
                }

                queue.Waiting.Enqueue(request);
                pump = !queue.Sending;
                queue.Sending = true;
            }

            if (pump)
            {
                _ = PumpAsync(key, queue);
            }

            return request.Decision.Task;
        }
    }

    private async Task PumpAsync(string key, KeyQueue queue)
    {
        while (true)
        {
            var batch = new List<Request>();
            lock (queue)
            {
                if (queue.Waiting.Count == 0)
                {
                    queue.Sending = false;
                    queue.Retired = true;
                    _queues.TryRemove(new KeyValuePair<string, KeyQueue>(key, queue));
                    return;
                }

                // One batch holds requests under one limit definition (a policy change mid-flight splits it).
                var limit = queue.Waiting.Peek().Limit;
                while (batch.Count < MaxBatch && queue.Waiting.TryPeek(out var next) && next.Limit == limit)
                {
                    batch.Add(queue.Waiting.Dequeue());
                }
            }

            await SendAsync(queue.Grain, batch);
        }
    }

    private static async Task SendAsync(ICounterGrain grain, List<Request> batch)
    {
        try
        {
            if (batch.Count == 1)
            {
                batch[0].Decision.TrySetResult(await grain.TryAcquireAsync(batch[0].Limit, batch[0].Cost));
                return;
            }

            var decisions = await grain.TryAcquireBatchAsync(batch[0].Limit, [.. batch.Select(r => r.Cost)]);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Decision.TrySetResult(decisions[i]);
            }
        }
        catch (Exception ex)
        {
            foreach (var request in batch)
            {
                request.Decision.TrySetException(ex);
            }
        }
    }

    private sealed class KeyQueue(ICounterGrain grain)
    {
        public ICounterGrain Grain { get; } = grain;

        public Queue<Request> Waiting { get; } = new();

        public bool Sending { get; set; }

        public bool Retired { get; set; }
    }

    private sealed class Request(CounterLimit limit, decimal cost)
    {
        public CounterLimit Limit { get; } = limit;

        public decimal Cost { get; } = cost;

        public TaskCompletionSource<CounterDecision> Decision { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
