using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Gatehouse.Grains.Upstreams;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Gatehouse.Upstreams;

/// <summary>
/// Owns one stdio upstream's process. Reentrant, so concurrent agent calls share the one MCP
/// session the way a stdio server expects; always active, so the process is not stopped for idleness.
/// </summary>
[Reentrant]
[CollectionAgeLimit(AlwaysActive = true)]
internal sealed class StdioUpstreamGrain(UpstreamCatalog catalog, UpstreamTransportFactory transports, ILoggerFactory loggerFactory, TimeProvider time)
    : Grain, IStdioUpstreamGrain
{
    private UpstreamConnection? _connection;

    private UpstreamConnection Connection => _connection ?? throw new InvalidOperationException("The upstream grain is not active.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var name = this.GetPrimaryKeyString();
        _connection = new UpstreamConnection(name, catalog.Get(name), transports, loggerFactory, time);
        _connection.KeepAlive();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    public async ValueTask<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken) =>
        await Connection.GetInfoAsync(cancellationToken);

    public async IAsyncEnumerable<UpstreamFrame> SendAsync(string method, string? paramsJson, bool withProgress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var frames = Channel.CreateUnbounded<UpstreamFrame>(new UnboundedChannelOptions { SingleReader = true });
        var parameters = paramsJson is null ? null : (JsonObject?)JsonNode.Parse(paramsJson);
        Func<JsonObject, ValueTask>? onProgress = withProgress
            ? progress => frames.Writer.WriteAsync(new UpstreamFrame(UpstreamFrameKind.Progress, progress.ToJsonString()), cancellationToken)
            : null;

        _ = ExchangeAsync(method, parameters, onProgress, frames.Writer, cancellationToken);
        await foreach (var frame in frames.Reader.ReadAllAsync(cancellationToken))
        {
            yield return frame;
        }
    }

    private async Task ExchangeAsync(string method, JsonObject? parameters, Func<JsonObject, ValueTask>? onProgress, ChannelWriter<UpstreamFrame> frames, CancellationToken cancellationToken)
    {
        UpstreamFrame last;
        try
        {
            var result = await Connection.SendAsync(method, parameters, onProgress, cancellationToken);
            last = new UpstreamFrame(UpstreamFrameKind.Result, result?.ToJsonString() ?? "null");
        }
        catch (UpstreamException ex)
        {
            last = UpstreamFrames.FromException(ex);
        }
        catch (OperationCanceledException)
        {
            frames.TryComplete();
            return;
        }

        frames.TryWrite(last);
        frames.TryComplete();
    }
}
