using System.Collections.Concurrent;
using System.Text.Json;
using Gatehouse.Grains.Replies;
using Gatehouse.Grains.Sessions;
using Gatehouse.Gateway.Subscriptions;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Sessions;

/// <summary>
/// The upstream sessions standing for agent sessions, as this replica holds them. One upstream
/// session per agent session and HTTP upstream, opened by whichever replica first needs it, recorded
/// in the session grain and resumed by the others. Connections idle for a while are dropped here
/// (the upstream session itself lives on for the other replicas).
/// </summary>
internal sealed class SessionUpstreams : IAsyncDisposable
{
    /// <summary>How long a replica keeps an agent session's connections, and the session itself, unused.</summary>
    internal static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string Session, string Upstream, bool Listen), Entry> _connections = new();
    private readonly UpstreamCatalog _catalog;
    private readonly UpstreamChannels _channels;
    private readonly StatelessUpstreamClient _stateless;
    private readonly UpstreamTransportFactory _transports;
    private readonly UpstreamSessionCloser _closer;
    private readonly AgentSessions _agents;
    private readonly AgentRequests _requests;
    private readonly IGrainFactory _grains;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly ITimer _sweeper;

    public SessionUpstreams(UpstreamCatalog catalog, UpstreamChannels channels, StatelessUpstreamClient stateless, UpstreamTransportFactory transports, UpstreamSessionCloser closer, AgentSessions agents, AgentRequests requests, IGrainFactory grains, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _catalog = catalog;
        _channels = channels;
        _stateless = stateless;
        _transports = transports;
        _closer = closer;
        _agents = agents;
        _requests = requests;
        _grains = grains;
        _loggerFactory = loggerFactory;
        _time = time;
        _sweeper = time.CreateTimer(_ => Sweep(), null, IdleLimit, IdleLimit);
    }

    /// <summary>
    /// Whether requests of agent sessions to this upstream get upstream sessions of their own: HTTP upstreams do (not one
    /// that speaks only 2026-07-28, which has none), and stdio upstreams with a process per session.
    /// </summary>
    public bool IsSessionful(string upstream) => _catalog.Get(upstream) is var options && ((!options.IsStdio && !options.IsSessionless) || options.IsProcessPerSession);

    /// <summary>
    /// Whether an agent session's stream of unsolicited messages reaches this upstream: where it has an upstream session
    /// of its own, and at an upstream that speaks only 2026-07-28 (see <see cref="SessionlessStream"/>).
    /// </summary>
    public bool Listens(string upstream) => IsSessionful(upstream) || _catalog.Get(upstream).IsSessionless;

    /// <summary>The channel to the upstream session standing for <paramref name="sessionId"/>, opening or resuming it.</summary>
    public async Task<IUpstreamChannel> GetAsync(string sessionId, string upstream, bool listen = false)
    {
        var key = (sessionId, upstream, listen);
        var entry = _connections.GetOrAdd(key, k => new Entry(new Lazy<Task<IUpstreamChannel>>(() => CreateAsync(k.Session, k.Upstream, k.Listen))));
        entry.Touch(_time);
        try
        {
            return await entry.Connection.Value;
        }
        catch
        {
            _connections.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    /// <summary>
    /// The agent closed its session: drops this replica's connections for it and ends each upstream session that
    /// stood for it, HTTP (<paramref name="bound"/>) or a stdio process of its own among <paramref name="upstreams"/>
    /// (other replicas' idle connections to those go with their idle limit). Never throws: what cannot be ended now
    /// ends with its idle limit.
    /// </summary>
    public async Task CloseAsync(string sessionId, IReadOnlyDictionary<string, UpstreamBinding>? bound, IEnumerable<string> upstreams)
    {
        await ForgetAsync(sessionId);
        var ending = new List<Task>();
        if (bound is { Count: > 0 } bindings)
        {
            ending.AddRange(bindings.Select(pair => _closer.EndAsync(pair.Key, pair.Value.UpstreamSessionId, pair.Value.ProtocolVersion)));
        }

        ending.AddRange(upstreams.Where(upstream => _catalog.Get(upstream).IsProcessPerSession).Select(upstream => EndProcessAsync(upstream, sessionId)));
        await Task.WhenAll(ending);
    }

    private async Task EndProcessAsync(string upstream, string sessionId)
    {
        try
        {
            await StdioSessionChannel.CloseAsync(upstream, sessionId, _grains);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Its grain is unreachable now; the process ends when it has been idle long enough.
        }
    }

    /// <summary>Drops this replica's connections for a closed agent session.</summary>
    private async Task ForgetAsync(string sessionId)
    {
        foreach (var key in _connections.Keys.Where(k => k.Session == sessionId).ToList())
        {
            if (_connections.TryRemove(key, out var entry))
            {
                await entry.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Holds the upstream session's stream of unsolicited messages on this replica while the agent's stream is open here:
    /// an HTTP upstream session is connected (its GET stream opened), or at an upstream without sessions a listen held (see
    /// <see cref="SessionlessStream"/>); a stdio process of the session's own is only told
    /// where to send: it starts with the session's first request, so an agent that only opened its stream takes no
    /// process (nor one of <c>MaxProcesses</c>' places).
    /// </summary>
    /// <exception cref="UpstreamException">The upstream is unreachable now.</exception>
    public async Task ListenAsync(string sessionId, string upstream, CancellationToken cancellationToken)
    {
        var listener = await GetAsync(sessionId, upstream, listen: true);
        if (!_catalog.Get(upstream).IsProcessPerSession)
        {
            await listener.GetInfoAsync(cancellationToken);
        }
    }

    /// <summary>Closes this replica's hold on the upstream session's stream of unsolicited messages.</summary>
    public async Task ForgetListenerAsync(string sessionId, string upstream)
    {
        if (_connections.TryRemove((sessionId, upstream, true), out var entry))
        {
            await entry.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync();
        foreach (var entry in _connections.Values)
        {
            await entry.DisposeAsync();
        }
    }

    private async Task<IUpstreamChannel> CreateAsync(string sessionId, string upstream, bool listen)
    {
        var grain = _grains.GetGrain<ISessionGrain>(sessionId);
        var record = await grain.GetAsync() ?? throw new McpProtocolException("Session not found", (McpErrorCode)(-32001));
        var initialize = JsonSerializer.Deserialize<InitializeRequestParams>(record.InitializeParamsJson, McpJsonUtilities.DefaultOptions);
        var callbacks = new AgentCallbacks(_agents[sessionId], new ReplyAddress(sessionId, record.GrantId), _requests);
        IAgentCallbacks agent = record.Route.Length == 0 ? new AggregateAgentCallbacks(callbacks, upstream) : callbacks;
        if (_catalog.Get(upstream).IsProcessPerSession)
        {
            return await StdioSessionChannel.OpenAsync(upstream, sessionId, agent, listen, _grains);
        }

        if (listen && _catalog.Get(upstream).IsSessionless && _channels.TryGet(upstream, out var shared))
        {
            return await SessionlessStream.OpenAsync(shared, _stateless, _catalog.Get(upstream), initialize, agent);
        }

        var spec = new AgentSessionSpec
        {
            ClientInfo = initialize?.ClientInfo,
            Capabilities = initialize?.Capabilities,
            Callbacks = agent,
            Binding = record.UpstreamBindingOf(upstream),
            Bind = async binding =>
            {
                UpstreamBinding winner;
                try
                {
                    winner = await grain.BindUpstreamAsync(upstream, binding);
                }
                catch (InvalidOperationException)
                {
                    // The agent closed its session meanwhile: the upstream session opened for it stands for nothing.
                    await _closer.EndAsync(upstream, binding.UpstreamSessionId, binding.ProtocolVersion);
                    throw;
                }

                if (winner.UpstreamSessionId != binding.UpstreamSessionId)
                {
                    // Another replica recorded its upstream session first: ours stands for nothing, end it.
                    await _closer.EndAsync(upstream, binding.UpstreamSessionId, binding.ProtocolVersion);
                }

                return winner;
            },
            Listen = listen,
        };
        return new UpstreamConnection(upstream, _catalog.Get(upstream), _transports, _loggerFactory, _time, spec);
    }

    /// <summary>
    /// Whether a connection unused since <paramref name="lastUsed"/> is dropped: one for requests once idle for
    /// <see cref="IdleLimit"/>; one that holds an agent's stream never (it lasts exactly as long as that stream, however
    /// quiet, and goes with it, see <see cref="ForgetListenerAsync"/>).
    /// </summary>
    internal static bool IsReapable(bool listen, DateTimeOffset lastUsed, DateTimeOffset now) => !listen && now - lastUsed > IdleLimit;

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, entry) in _connections)
        {
            if (IsReapable(key.Listen, entry.LastUsed, now) && _connections.TryRemove(KeyValuePair.Create(key, entry)))
            {
                _ = entry.DisposeAsync().AsTask();
            }
        }
    }

    private sealed class Entry(Lazy<Task<IUpstreamChannel>> connection) : IAsyncDisposable
    {
        public Lazy<Task<IUpstreamChannel>> Connection { get; } = connection;

        public DateTimeOffset LastUsed { get; private set; }

        public void Touch(TimeProvider time) => LastUsed = time.GetUtcNow();

        public async ValueTask DisposeAsync()
        {
            if (Connection.IsValueCreated && Connection.Value.IsCompletedSuccessfully && Connection.Value.Result is IAsyncDisposable owned)
            {
                await owned.DisposeAsync();
            }
        }
    }
}
