using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Grains.Sessions;
using Gatehouse.Grains.Upstreams;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Upstreams;

/// <summary>
/// One pooled MCP client session to one upstream, shared by every agent request on this process.
/// Connects on first use, reconnects with backoff after a failure, bounds every request by the
/// upstream's timeout, and routes progress notifications back to the request that asked for them.
/// </summary>
public sealed partial class UpstreamConnection : IUpstreamChannel, IAsyncDisposable
{
    /// <summary>What the SDK's client puts before a remote error's message.</summary>
    private const string RemoteErrorPrefix = "Request failed (remote): ";

    private readonly string _name;
    private readonly UpstreamOptions _options;
    private readonly UpstreamTransportFactory _transports;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ProgressRouter _progress = new();

    /// <summary>
    /// Prefix of this connection's request ids. Several connections (on several replicas) may share one
    /// upstream session, and ids must not collide within a session: a cancellation names its request by id.
    /// </summary>
    private readonly string _idPrefix = "gh-" + Guid.NewGuid().ToString("N")[..10] + "-";
    private long _nextRequestId;
    private readonly AgentSessionSpec? _agent;
    private readonly NotificationRelay? _notifications;
    private readonly Lock _gate = new();
    private Task<McpClient>? _client;

    /// <summary>The capabilities of the session in use as the upstream sent them (see <see cref="OrderedProgressTransport.InitializedCapabilitiesJson"/>).</summary>
    private volatile string? _capabilitiesJson;
    private DateTimeOffset _retryAt;
    private TimeSpan _reconnectDelay = UpstreamDefaults.MinReconnectDelay;
    private bool _disposed;

    public UpstreamConnection(string name, UpstreamOptions options, UpstreamTransportFactory transports, ILoggerFactory loggerFactory, TimeProvider time, AgentSessionSpec? agent = null)
    {
        _agent = agent;
        _notifications = agent is null ? null : new NotificationRelay(agent.Callbacks);
        _name = name;
        _options = options;
        _transports = transports;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<UpstreamConnection>();
        _time = time;
    }

    public string Name => _name;

    /// <summary>
    /// The upstream session this connection is in now, as another connection could resume it (see
    /// <see cref="AgentSessionSpec.Borrowed"/>); null before it connected, or when its transport has no sessions (stdio).
    /// </summary>
    public UpstreamBinding? CurrentSession() =>
        Connected() is { SessionId: { } sessionId } client
            ? new UpstreamBinding(
                sessionId,
                client.NegotiatedProtocolVersion ?? UpstreamDefaults.ProtocolVersion,
                JsonSerializer.Serialize(client.ServerInfo, McpJsonUtilities.DefaultOptions),
                _capabilitiesJson ?? JsonSerializer.Serialize(client.ServerCapabilities, McpJsonUtilities.DefaultOptions),
                client.ServerInstructions)
            : null;

    /// <summary>The id of the upstream session this connection is in now (see <see cref="CurrentSession"/>), without describing it.</summary>
    public string? CurrentSessionId => Connected()?.SessionId;

    private McpClient? Connected()
    {
        Task<McpClient>? current;
        lock (_gate)
        {
            current = _client;
        }

        return current is { IsCompletedSuccessfully: true } ? current.Result : null;
    }

    /// <summary>The upstream's identity and capabilities, connecting first if needed.</summary>
    public async Task<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        var client = await GetClientAsync(cancellationToken).ConfigureAwait(false);
        return new UpstreamInfo(
            JsonSerializer.Serialize(client.ServerInfo, McpJsonUtilities.DefaultOptions),
            _capabilitiesJson ?? JsonSerializer.Serialize(client.ServerCapabilities, McpJsonUtilities.DefaultOptions),
            client.ServerInstructions,
            client.NegotiatedProtocolVersion ?? string.Empty);
    }

    /// <summary>
    /// Sends one request and returns its result. When <paramref name="onProgress"/> is given, the
    /// request carries a progress token of this connection's own (tokens of different agents could
    /// collide on the shared session) and each progress notification is passed on.
    /// </summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public async Task<JsonNode?> SendAsync(string method, JsonObject? parameters, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken)
    {
        try
        {
            return await SendOnceAsync(method, parameters, onProgress, cancellationToken).ConfigureAwait(false);
        }
        catch (SessionGoneException)
        {
            // The upstream forgot the gateway's own session (it restarted): the request was never run, so
            // it goes again on a new session. Agent sessions are not retried: their upstream session was
            // the agent's, and its loss is the agent's to see.
            UpstreamLog.SessionExpired(_logger, _name);
            return await SendOnceAsync(method, parameters, onProgress, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonNode?> SendOnceAsync(string method, JsonObject? parameters, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken)
    {
        var client = await GetClientAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));

        var id = new RequestId(_idPrefix + Interlocked.Increment(ref _nextRequestId).ToString(System.Globalization.CultureInfo.InvariantCulture));
        string? token = null;
        ProgressRelay? relay = null;
        if (onProgress is not null)
        {
            (token, relay) = _progress.Open(onProgress);
            parameters = WithProgressToken(parameters, token);
        }

        try
        {
            var response = await client.SendRequestAsync(new JsonRpcRequest { Id = id, Method = method, Params = parameters }, timeout.Token).ConfigureAwait(false);
            // Every notification sent before the response was queued before it: pass them all on first.
            if (relay is not null)
            {
                await relay.DrainAsync().ConfigureAwait(false);
            }

            if (_notifications is not null)
            {
                await _notifications.FlushAsync().ConfigureAwait(false);
            }

            return response.Result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && _agent is null && client.SessionId is not null && IsSessionGone(ex))
        {
            Forget(client);
            throw new SessionGoneException();
        }
        catch (McpProtocolException ex)
        {
            throw new UpstreamException(UpstreamFrameKind.Error, _name, UpstreamMessage(ex), (int)ex.ErrorCode, ErrorData.Of(ex));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await CancelUpstreamAsync(client, id, "Gatehouse stopped waiting for an answer").ConfigureAwait(false);
            throw new UpstreamException(UpstreamFrameKind.TimedOut, _name,
                $"Upstream '{_name}' did not answer {method} within {_options.TimeoutSeconds} s.");
        }
        catch (OperationCanceledException)
        {
            await CancelUpstreamAsync(client, id, "The agent cancelled the request").ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Forget(client);
            var kind = IsConnectionFailure(ex) ? UpstreamFrameKind.Unreachable : UpstreamFrameKind.Broken;
            UpstreamLog.RequestFailed(_logger, _name, method, ex.GetType().Name);
            throw new UpstreamException(kind, _name, $"Upstream '{_name}' failed during {method}: {TransportFailures.Describe(ex)}");
        }
        finally
        {
            if (token is not null)
            {
                _progress.Close(token);
                _ = relay!.DrainAsync();
            }
        }
    }

    /// <summary>The upstream's error message as it sent it, without the prefix the SDK's client puts before it.</summary>
    private static string UpstreamMessage(McpProtocolException ex) =>
        ex.Message.StartsWith(RemoteErrorPrefix, StringComparison.Ordinal) ? ex.Message[RemoteErrorPrefix.Length..] : ex.Message;

    public async ValueTask DisposeAsync()
    {
        Task<McpClient>? client;
        lock (_gate)
        {
            _disposed = true;
            client = _client;
            _client = null;
        }

        if (client is { IsCompletedSuccessfully: true })
        {
            await client.Result.DisposeAsync().ConfigureAwait(false);
        }

        _notifications?.Complete();
    }

    /// <summary>
    /// Tells the upstream a request was cancelled. The SDK does so itself only once it is waiting for the
    /// response; a Streamable HTTP request cancelled while its response stream is being read would
    /// otherwise keep running upstream. A second notice for one request is harmless.
    /// </summary>
    private async Task CancelUpstreamAsync(McpClient client, RequestId id, string reason)
    {
        try
        {
            var notice = new JsonObject { ["requestId"] = JsonValue.Create(id.ToString()), ["reason"] = reason };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds));
            await client.SendMessageAsync(new JsonRpcNotification { Method = NotificationMethods.CancelledNotification, Params = notice }, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            UpstreamLog.RequestFailed(_logger, _name, NotificationMethods.CancelledNotification, ex.GetType().Name);
        }
    }

    private static JsonObject WithProgressToken(JsonObject? parameters, string token)
    {
        var copy = parameters is null ? [] : (JsonObject)parameters.DeepClone();
        if (copy["_meta"] is not JsonObject meta)
        {
            meta = [];
            copy["_meta"] = meta;
        }

        meta["progressToken"] = token;
        return copy;
    }

    // Streamable HTTP: a server answers 404 to a request on a session it does not know (any more); the
    // TypeScript SDK's servers answer 400 "Server not initialized" or "No valid session ID". Either way
    // the request was refused before it ran.
    private static bool IsSessionGone(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: System.Net.HttpStatusCode.NotFound } => true,
        McpProtocolException when ex.Message.Contains("Server not initialized", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("Session not found", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("No valid session", StringComparison.OrdinalIgnoreCase) => true,
        _ => ex.InnerException is not null && IsSessionGone(ex.InnerException),
    };

    private static bool IsConnectionFailure(Exception ex) => ex switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
        Polly.CircuitBreaker.BrokenCircuitException => true,
        McpException when ex.Message.Contains("not connected", StringComparison.OrdinalIgnoreCase) => true,
        _ => ex.InnerException is not null && IsConnectionFailure(ex.InnerException),
    };
}

/// <summary>The upstream no longer knows the gateway's session; the request did not run.</summary>
internal sealed class SessionGoneException : Exception
{
}
