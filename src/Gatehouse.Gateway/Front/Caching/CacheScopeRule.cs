using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Front.Caching;

/// <summary>
/// Who may keep a cacheable result (<c>cacheScope</c> of 2026-07-28, like HTTP's <c>Cache-Control</c>; absent means
/// public): whether a cache shared by several agents may serve what one was sent to another.
/// </summary>
internal static class CacheScopeRule
{
    /// <summary>The scope the agent is told, given the upstream's own.</summary>
    /// <param name="endpoint">The endpoint that answers.</param>
    /// <param name="upstreamScope">What the upstream said; null when it said nothing (or something no revision defines).</param>
    /// <param name="actsForEndUser">Whether the upstream acts for the agent's end user (token exchange), so its answers may depend on who asks.</param>
    /// <returns>
    /// Private on the aggregate endpoint, whose entries depend on the grant's upstreams, and for an upstream that acts for
    /// the end user; otherwise the upstream's own scope, since one upstream's policy filters alike for every grant.
    /// </returns>
    public static CacheScope? ScopeFor(EndpointKind endpoint, CacheScope? upstreamScope, bool actsForEndUser) =>
        endpoint == EndpointKind.Aggregate || actsForEndUser ? CacheScope.Private : upstreamScope;
}
