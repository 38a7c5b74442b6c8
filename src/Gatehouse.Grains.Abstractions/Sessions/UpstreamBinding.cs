namespace Gatehouse.Grains.Sessions;

/// <summary>
/// The upstream session that stands behind one agent session: its <c>Mcp-Session-Id</c> at the
/// upstream and what the upstream said in <c>initialize</c>, so any replica can resume it without a
/// new handshake.
/// </summary>
[GenerateSerializer, Immutable, Alias("Gatehouse.UpstreamBinding")]
public sealed record UpstreamBinding(
    [property: Id(0)] string UpstreamSessionId,
    [property: Id(1)] string ProtocolVersion,
    [property: Id(2)] string ServerInfoJson,
    [property: Id(3)] string CapabilitiesJson,
    [property: Id(4)] string? Instructions);
