using System.Collections.Concurrent;
using System.Diagnostics;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>Sessions the agents opened and closed, and every failure to open or close one.</summary>
internal sealed class SessionChurn
{
    private readonly ConcurrentQueue<FailedStep> _failures = new();
    private int _opened;
    private int _closed;
    private long _origin = Stopwatch.GetTimestamp();

    public int Opened => Volatile.Read(ref _opened);

    public int Closed => Volatile.Read(ref _closed);

    public IReadOnlyCollection<FailedStep> Failures => _failures;

    /// <summary>Times are counted from <paramref name="origin"/>, a stopwatch timestamp (the load's start).</summary>
    public void CountFrom(long origin) => Volatile.Write(ref _origin, origin);

    public void RecordOpened() => Interlocked.Increment(ref _opened);

    public void RecordClosed() => Interlocked.Increment(ref _closed);

    public void RecordFailure(int agent, string step, Exception error) =>
        _failures.Enqueue(new FailedStep(Stopwatch.GetElapsedTime(Volatile.Read(ref _origin)).TotalSeconds, agent, step, $"{error.GetType().Name}: {error.Message}"));
}
