using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Grains.Sessions;
using Gatehouse.Grains.Upstreams;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Orleans.Concurrency;
using Orleans.Placement;

namespace Gatehouse.Upstreams;

/// <summary>
/// Owns the process that stands for one agent session at one stdio upstream (<c>ProcessPerSession</c>). Placed on the
/// replica that first needs it; every other replica reaches it through here. The process starts on first use with the
/// agent's own <c>initialize</c> (client identity and capabilities), is restarted when it dies or outgrows its memory
/// limit, and ends when the agent closes its session or leaves it idle. Reentrant: the agent's concurrent requests
/// share the process the way a stdio server expects. Never collected by Orleans for want of calls (an agent's open
/// stream may go long without one): its own idle check ends it.
/// </summary>
[Reentrant]
[PreferLocalPlacement]
[CollectionAgeLimit(AlwaysActive = true)]
internal sealed class StdioSessionGrain(
    UpstreamCatalog catalog, UpstreamTransportFactory transports, StdioProcessSlots slots, ILoggerFactory loggerFactory, TimeProvider time)
    : Grain, IStdioSessionGrain
{
    /// <summary>How often idleness and memory are checked.</summary>
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    /// <summary>The environment variable that marks the session's process, and every process it starts, for the memory check.</summary>
    private const string MarkerVariable = "GATEHOUSE_SESSION_PROCESS";

    private readonly ILogger _logger = loggerFactory.CreateLogger<StdioSessionGrain>();
    private readonly CallerCallbacks _callbacks = new();
    private readonly string _marker = Guid.NewGuid().ToString("N");
    private string _upstream = string.Empty;
    private string _sessionId = string.Empty;
    private UpstreamOptions _options = new();
    private Task<UpstreamConnection>? _connection;
    private IDisposable? _slot;
    private DateTimeOffset _lastUsed;
    private int _running;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        _upstream = key[..slash];
        _sessionId = key[(slash + 1)..];
        _options = catalog.Get(_upstream);
        _lastUsed = time.GetUtcNow();
        this.RegisterGrainTimer(CheckAsync, new GrainTimerCreationOptions(CheckEvery, CheckEvery) { Interleave = true });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await EndProcessAsync(reason.Description);
        _slot?.Dispose();
        _slot = null;
    }

    public async ValueTask<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        _lastUsed = time.GetUtcNow();
        return await (await ConnectionAsync()).GetInfoAsync(cancellationToken);
    }

    public IAsyncEnumerable<UpstreamFrame> SendAsync(string method, string? paramsJson, bool withProgress, IAgentCallbackObserver caller, CancellationToken cancellationToken)
    {
        var parameters = paramsJson is null ? null : (JsonObject?)JsonNode.Parse(paramsJson);
        return UpstreamFrames.WriteAsync(
            async onProgress =>
            {
                _lastUsed = time.GetUtcNow();
                Interlocked.Increment(ref _running);
                try
                {
                    var connection = await ConnectionAsync();
                    using var asking = _callbacks.Begin(caller);
                    return await connection.SendAsync(method, parameters, onProgress, cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref _running);
                    _lastUsed = time.GetUtcNow();
                }
            },
            withProgress,
            cancellationToken);
    }

    public ValueTask ListenAsync(IAgentCallbackObserver listener)
    {
        _callbacks.Listen(listener);
        return ValueTask.CompletedTask;
    }

    public ValueTask StopListeningAsync(IAgentCallbackObserver listener)
    {
        _callbacks.StopListening(listener);
        _lastUsed = time.GetUtcNow();
        return ValueTask.CompletedTask;
    }

    public async ValueTask CloseAsync()
    {
        await EndProcessAsync("the agent closed its session");
        this.DeactivateOnIdle();
    }

    /// <summary>The connection to the session's process, starting it (and taking a slot for it) on first use.</summary>
    /// <exception cref="UpstreamException">No slot is free, or the agent's session is gone.</exception>
    private Task<UpstreamConnection> ConnectionAsync()
    {
        if (_connection is { IsFaulted: false, IsCanceled: false } started)
        {
            return started;
        }

        _connection = StartAsync();
        return _connection;
    }

    private async Task<UpstreamConnection> StartAsync()
    {
        if (_slot is null)
        {
            _slot = slots.TryTake(_upstream, _options.MaxProcesses);
            if (_slot is null)
            {
                UpstreamLog.SessionProcessRefused(_logger, _upstream, _options.MaxProcesses);
                this.DeactivateOnIdle();
                throw new UpstreamException(UpstreamFrameKind.Unreachable, _upstream,
                    $"Upstream '{_upstream}' runs a process per agent session, and this replica already runs its limit of {_options.MaxProcesses}; try again when a session ends.");
            }
        }

        if (await GrainFactory.GetGrain<ISessionGrain>(_sessionId).GetAsync() is not { } record)
        {
            this.DeactivateOnIdle();
            throw new UpstreamException(UpstreamFrameKind.Error, _upstream, $"The agent session no longer exists, so upstream '{_upstream}' has no process for it.");
        }

        var initialize = JsonSerializer.Deserialize<InitializeRequestParams>(record.InitializeParamsJson, McpJsonUtilities.DefaultOptions);
        var agent = new AgentSessionSpec
        {
            ClientInfo = initialize?.ClientInfo,
            Capabilities = initialize?.Capabilities,
            Callbacks = _callbacks,
        };

        UpstreamLog.SessionProcessStarting(_logger, _upstream, slots.Running(_upstream), _options.MaxProcesses);
        var connection = new UpstreamConnection(_upstream, _options.WithEnvironment(MarkerVariable, _marker), transports, loggerFactory, time, agent);

        // Starts the process now and starts it again whenever it dies.
        connection.KeepAlive();
        return connection;
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var idle = time.GetUtcNow() - _lastUsed;
        if (Volatile.Read(ref _running) == 0 && !_callbacks.IsListened && idle > TimeSpan.FromSeconds(_options.ProcessIdleSeconds))
        {
            this.DeactivateOnIdle();
            return;
        }

        if (_options.MaxProcessMemoryMb is { } limitMb && _connection is { IsCompletedSuccessfully: true })
        {
            var resident = ProcessTable.ResidentBytes(ProcessTable.WithEnvironment(MarkerVariable, _marker));
            if (resident > limitMb * 1024L * 1024L)
            {
                UpstreamLog.SessionProcessOverMemory(_logger, _upstream, resident / (1024 * 1024), limitMb);
                await EndProcessAsync("over its memory limit");
            }
        }
    }

    /// <summary>Ends the process; the next request starts another.</summary>
    private async Task EndProcessAsync(string reason)
    {
        var ending = _connection;
        _connection = null;
        if (ending is { IsCompletedSuccessfully: true })
        {
            await ending.Result.DisposeAsync();
            UpstreamLog.SessionProcessEnded(_logger, _upstream, reason);
        }
    }
}
