using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Gatehouse.Grains.Upstreams;

namespace Gatehouse.Upstreams;

/// <summary>
/// Carries one upstream exchange across the grain boundary as frames (progress, then one result or error), so
/// failures cross as data rather than exceptions: the grain side writes them, the replica side reads them back.
/// </summary>
internal static class UpstreamFrames
{
    public static UpstreamFrame FromException(UpstreamException ex) =>
        new(ex.Kind, new JsonObject { ["code"] = ex.ErrorCode, ["message"] = ex.Message }.ToJsonString());

    public static UpstreamException ToException(string upstream, UpstreamFrame frame)
    {
        using var error = JsonDocument.Parse(frame.Json);
        var code = error.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
        var message = error.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        return new UpstreamException(frame.Kind, upstream, message, code);
    }

    /// <summary>Grain side: runs <paramref name="send"/> and yields its progress (when asked for), then its result or error.</summary>
    public static async IAsyncEnumerable<UpstreamFrame> WriteAsync(
        Func<Func<JsonObject, ValueTask>?, Task<JsonNode?>> send, bool withProgress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var frames = Channel.CreateUnbounded<UpstreamFrame>(new UnboundedChannelOptions { SingleReader = true });
        Func<JsonObject, ValueTask>? onProgress = withProgress
            ? progress => frames.Writer.WriteAsync(new UpstreamFrame(UpstreamFrameKind.Progress, progress.ToJsonString()), cancellationToken)
            : null;

        _ = ExchangeAsync(send, onProgress, frames.Writer);
        await foreach (var frame in frames.Reader.ReadAllAsync(cancellationToken))
        {
            yield return frame;
        }
    }

    /// <summary>Replica side: passes progress frames to <paramref name="onProgress"/> and returns the result, or throws the error.</summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public static async Task<JsonNode?> ReadAsync(
        string upstream, IAsyncEnumerable<UpstreamFrame> frames, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken)
    {
        await foreach (var frame in frames.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            switch (frame.Kind)
            {
                case UpstreamFrameKind.Progress when onProgress is not null:
                    await onProgress((JsonObject)JsonNode.Parse(frame.Json)!).ConfigureAwait(false);
                    break;
                case UpstreamFrameKind.Result:
                    return JsonNode.Parse(frame.Json);
                case UpstreamFrameKind.Progress:
                    break;
                default:
                    throw ToException(upstream, frame);
            }
        }

        throw new UpstreamException(UpstreamFrameKind.Broken, upstream, $"Upstream '{upstream}' ended the exchange without an answer.");
    }

    private static async Task ExchangeAsync(Func<Func<JsonObject, ValueTask>?, Task<JsonNode?>> send, Func<JsonObject, ValueTask>? onProgress, ChannelWriter<UpstreamFrame> frames)
    {
        UpstreamFrame last;
        try
        {
            var result = await send(onProgress);
            last = new UpstreamFrame(UpstreamFrameKind.Result, result?.ToJsonString() ?? "null");
        }
        catch (UpstreamException ex)
        {
            last = FromException(ex);
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
