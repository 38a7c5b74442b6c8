using Gatehouse.Grains.Sessions;
using Gatehouse.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Grains;

/// <summary>
/// One agent session's record, read through from the session store so a session opened on one
/// replica is served by any other, also after the silo that held the grain died. Kept active for two
/// hours of idleness, longer than a replica's MCP transport keeps an idle session (ten minutes, after which
/// the session's next request adopts it again from here), which matters when the store is in memory.
/// Asking for a session that does not exist leaves no activation behind.
/// </summary>
/// <remarks>
/// Opening, binding and closing never wait for the store to be up: the record changes in memory at once
/// and is written behind. A write that fails is retried every <see cref="RetryPeriod"/> until it is stored,
/// and the activation stays in memory meanwhile, so a session opened while the database is down is served
/// throughout and stored when the database returns. Only reading a session that no silo holds needs the
/// store; if it is down, that read fails with <see cref="StoreUnavailableException"/>.
/// </remarks>
[CollectionAgeLimit(Minutes = 120)]
internal sealed partial class SessionGrain(ISessionStore store, ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    internal static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);

    private SessionRecord? _record;
    private bool _loaded;
    private IGrainTimer? _retry;

    private string Id => this.GetPrimaryKeyString();

    /// <summary>A record still waiting for its store gets one last try before the activation goes (e.g. its silo stops).</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_retry is null)
        {
            return;
        }

        try
        {
            await WriteAsync();
        }
        catch (Exception ex)
        {
            Log.Lost(logger, Id, reason.Description, ex.Message);
        }
    }

    public async ValueTask OpenAsync(SessionRecord record)
    {
        _record = record;
        _loaded = true;
        await StoreAsync();
    }

    public async ValueTask<SessionRecord?> GetAsync()
    {
        await EnsureLoadedAsync();
        if (_record is null && _retry is null)
        {
            // An id nobody opened (or one closed, and its closing stored): keep nothing in memory for it.
            DeactivateOnIdle();
        }

        return _record;
    }

    public async ValueTask<UpstreamBinding> BindUpstreamAsync(string upstream, UpstreamBinding binding)
    {
        await EnsureLoadedAsync();
        if (_record is null)
        {
            throw new InvalidOperationException($"Session '{Id}' is closed.");
        }

        if (_record.UpstreamBindingOf(upstream) is { } existing)
        {
            return existing;
        }

        var bindings = new Dictionary<string, UpstreamBinding>(_record.Upstreams ?? new Dictionary<string, UpstreamBinding>(), StringComparer.Ordinal)
        {
            [upstream] = binding,
        };
        _record = _record with { Upstreams = bindings };
        await StoreAsync();
        return binding;
    }

    public async ValueTask<IReadOnlyDictionary<string, UpstreamBinding>?> CloseAsync()
    {
        // In the same turn as the close: a binding recorded before it is answered, and none can be recorded after it.
        var bound = _loaded ? _record?.Upstreams : null;
        _record = null;
        _loaded = true;
        await StoreAsync();
        if (_retry is null)
        {
            DeactivateOnIdle();
        }

        return bound;
    }

    private async ValueTask EnsureLoadedAsync()
    {
        if (_loaded)
        {
            return;
        }

        try
        {
            _record = await store.LoadAsync(Id, CancellationToken.None);
        }
        catch (Exception ex)
        {
            DeactivateOnIdle();
            throw new StoreUnavailableException($"Session '{Id}' could not be read: its store is unavailable ({ex.Message}).");
        }

        _loaded = true;
    }

    /// <summary>Writes the record as it now is (or its deletion); on failure, keeps it to write again later.</summary>
    private async Task StoreAsync()
    {
        try
        {
            await WriteAsync();
        }
        catch (Exception ex)
        {
            if (_retry is null)
            {
                Log.WriteDeferred(logger, Id, ex.GetType().Name, ex.Message, (long)RetryPeriod.TotalMilliseconds);
                _retry = this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(RetryPeriod, RetryPeriod) { KeepAlive = true });
            }

            return;
        }

        StopRetrying();
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync();
        }
        catch (Exception)
        {
            return; // Still down; the timer comes back.
        }

        Log.WriteCaughtUp(logger, Id);
        StopRetrying();
        if (_record is null)
        {
            DeactivateOnIdle();
        }
    }

    private Task WriteAsync() => _record is { } record
        ? store.SaveAsync(Id, record, CancellationToken.None)
        : store.DeleteAsync(Id, CancellationToken.None);

    private void StopRetrying()
    {
        _retry?.Dispose();
        _retry = null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Session {SessionId} is served from memory: its store did not take it ({ErrorType}: {Error}); retrying every {RetryMilliseconds} ms")]
        public static partial void WriteDeferred(ILogger logger, string sessionId, string errorType, string error, long retryMilliseconds);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Session {SessionId} is stored again")]
        public static partial void WriteCaughtUp(ILogger logger, string sessionId);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Session {SessionId} was never stored and leaves memory ({Reason}): {Error}; a request for it on another replica will not find it")]
        public static partial void Lost(ILogger logger, string sessionId, string reason, string error);
    }
}
