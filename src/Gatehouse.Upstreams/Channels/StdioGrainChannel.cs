using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;

namespace Gatehouse.Upstreams;

/// <summary>A stdio upstream's one shared process, reached through the grain that owns it, wherever in the cluster it lives.</summary>
internal sealed class StdioGrainChannel(string name, IGrainFactory grains) : IUpstreamChannel
{
    private IStdioUpstreamGrain Grain => grains.GetGrain<IStdioUpstreamGrain>(name);

    public string Name => name;

    public async Task<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken) =>
        await Grain.GetInfoAsync(cancellationToken).ConfigureAwait(false);

    public Task<JsonNode?> SendAsync(string method, JsonObject? parameters, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken) =>
        UpstreamFrames.ReadAsync(name, Grain.SendAsync(method, parameters?.ToJsonString(), onProgress is not null, cancellationToken), onProgress, cancellationToken);
}
