namespace Gatehouse.Grains.Upstreams;

/// <summary>What an upstream said about itself in <c>initialize</c>, as JSON text.</summary>
[GenerateSerializer, Immutable, Alias("Gatehouse.UpstreamInfo")]
public sealed record UpstreamInfo(
    [property: Id(0)] string ServerInfoJson,
    [property: Id(1)] string CapabilitiesJson,
    [property: Id(2)] string? Instructions,
    [property: Id(3)] string ProtocolVersion);
