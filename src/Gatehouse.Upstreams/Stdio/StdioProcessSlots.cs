using System.Collections.Concurrent;

namespace Gatehouse.Upstreams;

/// <summary>
/// How many per-session processes of each stdio upstream this replica runs, bounded by the upstream's
/// <c>MaxProcesses</c>. A slot is taken before a session's process first starts and given back when its grain ends.
/// </summary>
public sealed class StdioProcessSlots
{
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.Ordinal);

    /// <summary>The processes of <paramref name="upstream"/> running on this replica.</summary>
    public int Running(string upstream) => _running.GetValueOrDefault(upstream);

    /// <summary>The processes running on this replica, by upstream (upstreams that ran one at some point).</summary>
    public IEnumerable<KeyValuePair<string, int>> All => _running;

    /// <summary>A slot for one more process of <paramref name="upstream"/>; null when <paramref name="limit"/> are running.</summary>
    public IDisposable? TryTake(string upstream, int limit)
    {
        while (true)
        {
            var running = _running.GetOrAdd(upstream, 0);
            if (running >= limit)
            {
                return null;
            }

            if (_running.TryUpdate(upstream, running + 1, running))
            {
                return new Slot(this, upstream);
            }
        }
    }

    private void Give(string upstream) => _running.AddOrUpdate(upstream, 0, (_, running) => Math.Max(0, running - 1));

    private sealed class Slot(StdioProcessSlots slots, string upstream) : IDisposable
    {
        private int _given;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _given, 1) == 0)
            {
                slots.Give(upstream);
            }
        }
    }
}
