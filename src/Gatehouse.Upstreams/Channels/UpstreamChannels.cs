using Microsoft.Extensions.Logging;

namespace Gatehouse.Upstreams;

/// <summary>
/// This replica's channel to every configured upstream: one pooled connection per HTTP upstream (none for one that
/// speaks only 2026-07-28, reached request by request), a grain reference per stdio upstream.
/// </summary>
public sealed class UpstreamChannels : IAsyncDisposable
{
    private readonly Dictionary<string, IUpstreamChannel> _channels = new(StringComparer.Ordinal);
    private readonly List<UpstreamConnection> _connections = [];

    public UpstreamChannels(UpstreamCatalog catalog, UpstreamTransportFactory transports, StatelessUpstreamClient stateless, IGrainFactory grains, ILoggerFactory loggerFactory, TimeProvider time)
    {
        foreach (var (name, options) in catalog.Upstreams)
        {
            if (options.IsStdio)
            {
                _channels[name] = new StdioGrainChannel(name, grains);
            }
            else if (options.IsSessionless)
            {
                _channels[name] = new StatelessChannel(name, options, stateless);
            }
            else
            {
                var connection = new UpstreamConnection(name, options, transports, loggerFactory, time);
                _connections.Add(connection);
                _channels[name] = connection;
            }
        }
    }

    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IUpstreamChannel? channel) =>
        _channels.TryGetValue(name, out channel);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
