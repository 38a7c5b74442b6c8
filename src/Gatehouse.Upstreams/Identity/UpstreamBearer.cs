namespace Gatehouse.Upstreams;

/// <summary>
/// The bearer token the upstream requests of the current agent request carry instead of the upstream's configured one:
/// an end user's token got by token exchange (RFC 8693). It flows with the request's async context down to the
/// upstream's HTTP pipeline (<see cref="UpstreamBearerHandler"/>); requests outside it keep the gateway's own credentials.
/// </summary>
public static class UpstreamBearer
{
    public static AsyncValue Token { get; } = new();
}
