using System.Threading.Channels;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Upstreams;

/// <summary>
/// Wraps an upstream transport to take notifications off the wire in order. The SDK dispatches each
/// incoming message on its own work item, so a request's last progress notification (or log line)
/// could otherwise be handled after its response; here each is queued for the agent before the
/// response is passed on. It also keeps the capabilities object of the upstream's <c>initialize</c> answer as it
/// came: the SDK's typed capabilities drop what they do not model, such as <c>tasks</c> (2025-11-25).
/// </summary>
internal sealed class OrderedProgressTransport(IClientTransport inner, ProgressRouter router, NotificationRelay? relay) : IClientTransport
{
    public string Name => inner.Name;

    /// <summary>The upstream's capabilities as its <c>initialize</c> result sent them, once it answered; null before, or when resumed.</summary>
    public string? InitializedCapabilitiesJson { get; private set; }

    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) =>
        new Session(await inner.ConnectAsync(cancellationToken).ConfigureAwait(false), router, relay, this);

    private sealed class Session : ITransport
    {
        private readonly ITransport _inner;
        private readonly ProgressRouter _router;
        private readonly NotificationRelay? _relay;
        private readonly OrderedProgressTransport _owner;
        private RequestId? _initializeId;
        private readonly Channel<JsonRpcMessage> _messages = Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions { SingleWriter = true });
        private readonly Task _pump;

        public Session(ITransport inner, ProgressRouter router, NotificationRelay? relay, OrderedProgressTransport owner)
        {
            _inner = inner;
            _router = router;
            _relay = relay;
            _owner = owner;
            _pump = PumpAsync();
        }

        public string? SessionId => _inner.SessionId;

        public ChannelReader<JsonRpcMessage> MessageReader => _messages.Reader;

        public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
        {
            if (message is JsonRpcRequest { Method: RequestMethods.Initialize } initialize)
            {
                _initializeId = initialize.Id;
            }

            return _inner.SendMessageAsync(message, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
            await _pump.ConfigureAwait(false);
        }

        private async Task PumpAsync()
        {
            Exception? failure = null;
            try
            {
                await foreach (var message in _inner.MessageReader.ReadAllAsync().ConfigureAwait(false))
                {
                    if (message is JsonRpcResponse response && _initializeId is { } initializeId && response.Id == initializeId)
                    {
                        _owner.InitializedCapabilitiesJson = response.Result?["capabilities"]?.ToJsonString();
                        _initializeId = null;
                    }

                    if (!_router.TryRoute(message) && _relay?.TryRelay(message) != true)
                    {
                        _messages.Writer.TryWrite(message);
                    }
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                _messages.Writer.TryComplete(failure);
            }
        }
    }
}
