using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;

namespace Gatehouse.Upstreams;

/// <summary>An HTTP upstream, reached from this replica through its own pooled connection.</summary>
internal sealed class DirectUpstreamChannel(UpstreamConnection connection) : IUpstreamChannel
{
    public string Name => connection.Name;

    public Task<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken) => connection.GetInfoAsync(cancellationToken);

    public Task<JsonNode?> SendAsync(string method, JsonObject? parameters, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken) =>
        connection.SendAsync(method, parameters, onProgress, cancellationToken);
}
