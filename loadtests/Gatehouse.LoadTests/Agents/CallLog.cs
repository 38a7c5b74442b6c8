using System.Collections.Concurrent;
using System.Diagnostics;

namespace Gatehouse.LoadTests.Agents;

/// <summary>Every call of one load phase, and running counts for the live display.</summary>
internal sealed class CallLog
{
    private const int RecentKept = 4096;
    private readonly ConcurrentQueue<CallRecord> _records = new();
    private readonly double[] _recent = new double[RecentKept];
    private long _recentNext;
    private int _admitted;
    private int _rateLimited;
    private int _refused;
    private int _errors;

    public CallLog(string label)
    {
        Label = label;
        Started = Stopwatch.GetTimestamp();
        StartedUtc = DateTimeOffset.UtcNow;
    }

    public string Label { get; }

    /// <summary>Stopwatch timestamp of the phase's start.</summary>
    public long Started { get; }

    public DateTimeOffset StartedUtc { get; }

    /// <summary>Stopwatch timestamp of the phase's end, once <see cref="Complete"/> was called.</summary>
    public long? Ended { get; private set; }

    public int Admitted => Volatile.Read(ref _admitted);

    public int RateLimited => Volatile.Read(ref _rateLimited);

    public int Refused => Volatile.Read(ref _refused);

    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Calls that got an answer from the policy or the tool (not errors).</summary>
    public int Answered => Admitted + RateLimited + Refused;

    public IReadOnlyCollection<CallRecord> Records => _records;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Started, Ended ?? Stopwatch.GetTimestamp());

    /// <summary>The wall-clock time of a stopwatch timestamp taken during this phase.</summary>
    public DateTimeOffset UtcAt(long timestamp) => StartedUtc + Stopwatch.GetElapsedTime(Started, timestamp);

    public void Add(CallRecord record)
    {
        _records.Enqueue(record);
        _ = record.Kind switch
        {
            OutcomeKind.Admitted => Interlocked.Increment(ref _admitted),
            OutcomeKind.RateLimited => Interlocked.Increment(ref _rateLimited),
            OutcomeKind.Refused => Interlocked.Increment(ref _refused),
            _ => Interlocked.Increment(ref _errors),
        };
        var slot = Interlocked.Increment(ref _recentNext) - 1;
        Volatile.Write(ref _recent[slot % RecentKept], record.LatencyMs);
    }

    public void Complete() => Ended ??= Stopwatch.GetTimestamp();

    /// <summary>Latencies of up to the last 4096 calls, for the live display.</summary>
    public double[] RecentLatencies()
    {
        var count = (int)Math.Min(Interlocked.Read(ref _recentNext), RecentKept);
        var copy = new double[count];
        Array.Copy(_recent, copy, count);
        return copy;
    }
}
