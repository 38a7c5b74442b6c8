namespace Gatehouse.Grains.Upstreams;

/// <summary>One message of an upstream exchange, as JSON text so any MCP payload crosses the wire intact.</summary>
/// <param name="Kind">What the frame carries.</param>
/// <param name="Json">Progress params, the result, or (for errors) the JSON-RPC error object <c>{code, message, data}</c>.</param>
[GenerateSerializer, Immutable, Alias("Gatehouse.UpstreamFrame")]
public sealed record UpstreamFrame(
    [property: Id(0)] UpstreamFrameKind Kind,
    [property: Id(1)] string Json);
