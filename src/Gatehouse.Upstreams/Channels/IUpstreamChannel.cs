using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;

namespace Gatehouse.Upstreams;

/// <summary>
/// The way this replica reaches one upstream: directly (an HTTP connection of its own) or through the grain that owns
/// the stdio process (one for the upstream, or one per agent session).
/// </summary>
public interface IUpstreamChannel
{
    string Name { get; }

    Task<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken);

    /// <summary>Sends one request and returns its result, passing progress notifications to <paramref name="onProgress"/>.</summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    Task<JsonNode?> SendAsync(string method, JsonObject? parameters, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken);
}
