using System.Diagnostics;
using System.Threading.Channels;
using Gatehouse.Storage.Audit;

namespace Gatehouse.Gateway.Audit;

/// <summary>
/// Writes the audit log off the request path. <see cref="Record"/> puts an entry in a bounded queue and
/// returns at once; one loop takes up to <see cref="AuditWriterSettings.BatchSize"/> entries at a time and
/// stores them with <see cref="IAuditStore"/>, so under load entries are stored in large batches. A batch
/// that fails is retried with growing waits, whole, until it is stored; meanwhile the queue fills, and
/// once it holds <see cref="AuditWriterSettings.Capacity"/> entries new ones are dropped and counted, so a
/// slow or absent database never slows a call. Stopping (graceful shutdown) writes everything queued
/// first, for as long as the host's shutdown timeout allows.
/// </summary>
internal sealed partial class AuditWriter : IAuditLog, IHostedService, IAsyncDisposable, IDisposable
{
    private readonly IAuditStore _store;
    private readonly AuditWriterSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditWriter> _logger;
    private readonly AuditMetrics _metrics;
    private readonly Channel<AuditEntry> _queue;
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _startLock = new();
    private Task? _loop;
    private volatile bool _stopping;
    private long _written;
    private long _dropped;
    private long _lastDropLog = long.MinValue;

    public AuditWriter(IAuditStore store, AuditWriterSettings settings, TimeProvider time, AuditMetrics metrics, ILogger<AuditWriter> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BatchSize, 1);
        _store = store;
        _settings = settings;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(settings.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails at once: the entry is dropped, never waited for.
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>Entries stored so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Entries dropped so far (queue full, or recorded after stopping or still queued at the shutdown deadline).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Entries waiting in the queue (not counting a batch being written).</summary>
    public int Queued => _queue.Reader.Count;

    public void Record(AuditEntry entry)
    {
        if (entry is null)
        {
            return;
        }

        if (_queue.Writer.TryWrite(entry))
        {
            _metrics.Queued.Add(1);
            return;
        }

        Drop(1, _stopping ? AuditMetrics.Stopped : AuditMetrics.QueueFull);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureRunning();
        return Task.CompletedTask;
    }

    /// <summary>Stops taking entries and returns once every queued entry is stored, or when <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        var loop = EnsureRunning();
        var queued = _queue.Reader.Count;
        var started = Stopwatch.GetTimestamp();
        using (cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abort))
        {
            await loop.ConfigureAwait(false);
        }

        Log.Stopped(_logger, queued, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, Written, Dropped);
    }

    /// <summary>Stops at once, without flushing (that is <see cref="StopAsync"/>'s work); safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        Abort();
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }
    }

    public void Dispose() => Abort();

    // The token source is not disposed: it has no timer and no wait handle, and the loop may still read its token.
    private void Abort()
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        _abort.Cancel();
    }

    private Task EnsureRunning()
    {
        lock (_startLock)
        {
            return _loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<AuditEntry>(Math.Min(_settings.BatchSize, _settings.Capacity));
        try
        {
            while (await reader.WaitToReadAsync(_abort.Token).ConfigureAwait(false))
            {
                while (batch.Count < _settings.BatchSize && reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }

                await WriteAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (Exception) when (_abort.IsCancellationRequested)
        {
            // The shutdown deadline passed: what is still here is lost, and said so.
            var lost = batch.Count;
            while (reader.TryRead(out _))
            {
                lost++;
            }

            if (lost > 0)
            {
                Drop(lost, AuditMetrics.ShutdownTimeout);
                Log.LostAtShutdown(_logger, lost);
            }
        }
    }

    /// <summary>Stores <paramref name="batch"/>, retrying whole until it is stored or the writer is aborted.</summary>
    private async Task WriteAsync(List<AuditEntry> batch)
    {
        var delay = _settings.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await _store.WriteAsync(batch, _abort.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!_abort.IsCancellationRequested)
            {
                _metrics.WriteFailures.Add(1);
                Log.WriteFailed(_logger, batch.Count, attempt, ex.GetType().Name, ex.Message, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, _time, _abort.Token).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.MaxRetryDelay.Ticks));
                continue;
            }

            _metrics.WriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            _metrics.Written.Add(batch.Count);
            _metrics.Queued.Add(-batch.Count);
            Interlocked.Add(ref _written, batch.Count);
            if (attempt > 1)
            {
                Log.Recovered(_logger, batch.Count, attempt);
            }

            return;
        }
    }

    private void Drop(int count, string reason)
    {
        _metrics.Dropped.Add(count, new KeyValuePair<string, object?>(AuditMetrics.ReasonTag, reason));
        if (reason == AuditMetrics.ShutdownTimeout)
        {
            _metrics.Queued.Add(-count); // these had been accepted
        }

        var total = Interlocked.Add(ref _dropped, count);

        // One line per interval at most: under a flood of calls, a line per drop would be a second flood.
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastDropLog);
        if ((last == long.MinValue || _time.GetElapsedTime(last, now) >= _settings.DropLogInterval)
            && Interlocked.CompareExchange(ref _lastDropLog, now, last) == last)
        {
            Log.Dropping(_logger, reason, total, _settings.Capacity);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Audit entries are being dropped ({Reason}): {Dropped} so far; the queue holds at most {Capacity} (see gatehouse_audit_dropped_total)")]
        public static partial void Dropping(ILogger logger, string reason, long dropped, int capacity);

        [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Could not store {Count} audit entries (attempt {Attempt}): {ErrorType}: {Error}; retrying in {DelayMilliseconds} ms")]
        public static partial void WriteFailed(ILogger logger, int count, int attempt, string errorType, string error, long delayMilliseconds);

        [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Stored {Count} audit entries after {Attempt} attempts")]
        public static partial void Recovered(ILogger logger, int count, int attempt);

        [LoggerMessage(EventId = 1403, Level = LogLevel.Error, Message = "Shutdown timeout reached: {Count} audit entries were not stored")]
        public static partial void LostAtShutdown(ILogger logger, int count);

        [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "Audit writer stopped: flushed {Queued} queued entries in {ElapsedMilliseconds} ms ({Written} stored, {Dropped} dropped since start)")]
        public static partial void Stopped(ILogger logger, int queued, long elapsedMilliseconds, long written, long dropped);
    }
}
