using Gatehouse.Grains.Upstreams;
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

            UpstreamLog.ConnectFailed(_logger, _name, ex.GetType().Name, ex.Message);
            throw new UpstreamException(UpstreamFrameKind.Unreachable, _name, $"Upstream '{_name}' is unreachable: {ex.Message}");
        }
    }

    private async Task<McpClient> ConnectAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds), _time);
        var transport = new OrderedProgressTransport(_transports.Create(_name, _options), _progress);
        var clientOptions = new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "gatehouse", Version = typeof(UpstreamConnection).Assembly.GetName().Version?.ToString() ?? "0" },
            InitializationTimeout = TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds),

            // The session-based revision every current server speaks; its results need no translation
            // for agents on 2025-06-18 or 2025-11-25.
            ProtocolVersion = UpstreamDefaults.ProtocolVersion,
        };

        try
        {
            var client = await McpClient.CreateAsync(transport, clientOptions, _loggerFactory, timeout.Token).ConfigureAwait(false);
            UpstreamLog.Connected(_logger, _name, client.NegotiatedProtocolVersion ?? "?");
            return client;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"no initialize answer within {_options.ConnectTimeoutSeconds} s");
        }
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
