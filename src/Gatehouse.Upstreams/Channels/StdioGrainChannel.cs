using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;

namespace Gatehouse.Upstreams;

/// <summary>A stdio upstream, reached through the grain that owns its process, wherever in the cluster it lives.</summary>
internal sealed class StdioGrainChannel(string name, IGrainFactory grains) : IUpstreamChannel
{
    private IStdioUpstreamGrain Grain => grains.GetGrain<IStdioUpstreamGrain>(name);

    public string Name => name;

    public async Task<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken) =>
        await Grain.GetInfoAsync(cancellationToken).ConfigureAwait(false);

    public async Task<JsonNode?> SendAsync(string method, JsonObject? parameters, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken)
    {
        var frames = Grain.SendAsync(method, parameters?.ToJsonString(), onProgress is not null, cancellationToken);
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
                    throw UpstreamFrames.ToException(name, frame);
            }
        }

        throw new UpstreamException(UpstreamFrameKind.Broken, name, $"Upstream '{name}' ended the exchange without an answer.");
    }
}
