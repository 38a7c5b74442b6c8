using Gatehouse.Upstreams;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// The OAuth access token of the agent request being handled, for the upstreams that trade it (RFC 8693); set around
/// each request the gateway handles, only when the principal kept it (some upstream exchanges tokens).
/// </summary>
internal static class AgentAccessToken
{
    public static AsyncValue Token { get; } = new();
}
