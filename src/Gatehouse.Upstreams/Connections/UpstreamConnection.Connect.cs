using System.Text.Json;
using Gatehouse.Grains.Sessions;
using Gatehouse.Grains.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Upstreams;

public sealed partial class UpstreamConnection
{
    /// <summary>
    /// Starts connecting now rather than on the first request, and reconnects whenever the
    /// session ends (a stdio process that dies is started again), with the same backoff.
    /// </summary>
    public void KeepAlive() => _ = WatchAsync();

    private async Task WatchAsync()
    {
        while (!_disposed)
        {
            try
            {
                var client = await GetClientAsync(CancellationToken.None).ConfigureAwait(false);
                await client.Completion.ConfigureAwait(false);
                UpstreamLog.SessionEnded(_logger, _name);
                Forget(client);
            }
            catch (UpstreamException)
            {
                // GetClientAsync recorded the failure and its backoff; wait it out below.
            }

            var wait = _retryAt - _time.GetUtcNow();
            await Task.Delay(wait > TimeSpan.Zero ? wait : UpstreamDefaults.MinReconnectDelay, _time).ConfigureAwait(false);
        }
    }

    private async Task<McpClient> GetClientAsync(CancellationToken cancellationToken)
    {
        Task<McpClient> pending;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_client is null || _client.IsFaulted || _client.IsCanceled)
            {
                var now = _time.GetUtcNow();
                if (_client is not null && now < _retryAt)
                {
                    throw new UpstreamException(UpstreamFrameKind.Unreachable, _name,
                        $"Upstream '{_name}' is unreachable; next attempt in {(_retryAt - now).TotalSeconds:0.#} s.");
                }

                _client = ConnectAsync();
            }

            pending = _client;
        }

        try
        {
            var client = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _reconnectDelay = UpstreamDefaults.MinReconnectDelay;
            }

            return client;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_client, pending))
                {
                    _retryAt = _time.GetUtcNow() + _reconnectDelay;
                    _reconnectDelay = TimeSpan.FromTicks(Math.Min(_reconnectDelay.Ticks * 2, UpstreamDefaults.MaxReconnectDelay.Ticks));
                }
            }

            var described = TransportFailures.Describe(ex);
            UpstreamLog.ConnectFailed(_logger, _name, ex.GetType().Name, described);
            throw new UpstreamException(UpstreamFrameKind.Unreachable, _name, $"Upstream '{_name}' is unreachable: {described}");
        }
    }

    private async Task<McpClient> ConnectAsync()
    {
        // The connection outlives the request that opened it, and its message loops capture this async context: they,
        // and initialize, carry the gateway's own credentials, never the end user's token of that request.
        using var gatewayCredentials = UpstreamBearer.Token.Use(null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds), _time);
        try
        {
            var client = _agent?.Binding is { } binding
                ? await ResumeAsync(binding).ConfigureAwait(false)
                : await OpenAsync(timeout.Token).ConfigureAwait(false);
            UpstreamLog.Connected(_logger, _name, client.NegotiatedProtocolVersion ?? "?");
            return client;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"no initialize answer within {_options.ConnectTimeoutSeconds} s");
        }
    }

    /// <summary>Opens a new upstream session; one standing for an agent session is recorded, and if another replica recorded one first, that one is used.</summary>
    private async Task<McpClient> OpenAsync(CancellationToken cancellationToken)
    {
        var (client, transport) = await HandshakeAsync(cancellationToken).ConfigureAwait(false);
        var capabilities = transport.InitializedCapabilitiesJson ?? JsonSerializer.Serialize(client.ServerCapabilities, McpJsonUtilities.DefaultOptions);
        _capabilitiesJson = capabilities;
        if (_agent?.Bind is not { } bind || client.SessionId is null)
        {
            return client;
        }

        var ours = new UpstreamBinding(
            client.SessionId,
            client.NegotiatedProtocolVersion ?? UpstreamDefaults.ProtocolVersion,
            JsonSerializer.Serialize(client.ServerInfo, McpJsonUtilities.DefaultOptions),
            capabilities,
            client.ServerInstructions);
        UpstreamBinding winner;
        try
        {
            winner = await bind(ours).ConfigureAwait(false);
        }
        catch
        {
            // Not recorded (the agent's session closed meanwhile, or its grain failed): this client stands for nothing.
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (winner.UpstreamSessionId == ours.UpstreamSessionId)
        {
            return client;
        }

        await client.DisposeAsync().ConfigureAwait(false);
        return await ResumeAsync(winner).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <c>initialize</c>, once more on a fresh connection if the connection broke before the
    /// upstream answered (.NET's handler itself resends a request only when a reused connection
    /// turns out closed; a new one that breaks ends the request): nothing yet rests on a session
    /// still being opened (one the upstream did open is never used, and ends at its own idle
    /// timeout). A request of the agent is never sent twice.
    /// </summary>
    private async Task<(McpClient Client, OrderedProgressTransport Transport)> HandshakeAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var transport = Transport(knownSessionId: null);
            try
            {
                return (await McpClient.CreateAsync(transport, ClientOptions(), _loggerFactory, cancellationToken).ConfigureAwait(false), transport);
            }
            catch (Exception ex) when (attempt == 1 && TransportFailures.IsDroppedBeforeAnswer(ex) && !cancellationToken.IsCancellationRequested)
            {
                UpstreamLog.HandshakeDropped(_logger, _name, TransportFailures.Describe(ex));
            }
        }
    }

    /// <summary>Rejoins the upstream session recorded for the agent session, without a new handshake.</summary>
    /// <remarks>
    /// Resuming makes no request, and the token given to it would govern the resumed client's whole
    /// message loop: it gets none, so the connect timeout cannot end the session later.
    /// </remarks>
    private Task<McpClient> ResumeAsync(UpstreamBinding binding)
    {
        _capabilitiesJson = binding.CapabilitiesJson;
        return McpClient.ResumeSessionAsync(
            Transport(binding.UpstreamSessionId),
            new ResumeClientSessionOptions
            {
                ServerCapabilities = JsonSerializer.Deserialize<ServerCapabilities>(binding.CapabilitiesJson, McpJsonUtilities.DefaultOptions)!,
                ServerInfo = JsonSerializer.Deserialize<Implementation>(binding.ServerInfoJson, McpJsonUtilities.DefaultOptions)!,
                ServerInstructions = binding.Instructions,
                NegotiatedProtocolVersion = binding.ProtocolVersion,
            },
            ClientOptions(),
            _loggerFactory,
            CancellationToken.None);
    }

    private OrderedProgressTransport Transport(string? knownSessionId) => new(
        _transports.Create(_name, _options, knownSessionId, listen: _agent?.Listen ?? false, ownsSession: _agent?.Bind is null && _agent?.Borrowed != true),
        _progress,
        _notifications);

    private McpClientOptions ClientOptions()
    {
        var options = new McpClientOptions
        {
            ClientInfo = _agent?.ClientInfo ?? new Implementation { Name = "gatehouse", Version = typeof(UpstreamConnection).Assembly.GetName().Version?.ToString() ?? "0" },
            InitializationTimeout = TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds),

            // The session-based revision every current server speaks; its results need no translation
            // for agents on 2025-06-18 or 2025-11-25.
            ProtocolVersion = UpstreamDefaults.ProtocolVersion,
        };
        if (_agent is not null)
        {
            AgentHandlers.Apply(options, _agent, () => Task.WhenAll(_progress.FlushAsync(), _notifications?.FlushAsync() ?? Task.CompletedTask));
        }

        return options;
    }

    /// <summary>Drops a client whose session broke so the next request connects afresh.</summary>
    private void Forget(McpClient client)
    {
        lock (_gate)
        {
            if (_client is { IsCompletedSuccessfully: true } current && ReferenceEquals(current.Result, client))
            {
                _client = null;
                _ = client.DisposeAsync().AsTask();
            }
        }
    }
}
