using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// The OAuth scopes an endpoint's grants ask for (the <c>scope</c> values of their <c>Match</c>): published as the
/// endpoint's <c>scopes_supported</c>, and named in a 403's <c>insufficient_scope</c> challenge so a client can ask for them.
/// </summary>
internal static class EndpointScopes
{
    /// <summary>The scopes of the grants that may use <paramref name="upstream"/> (every grant, for the aggregate endpoint), sorted.</summary>
    public static IReadOnlyList<string> Of(GatehouseOptions options, string? upstream) =>
        [.. options.Grants.Values
            .Where(grant => upstream is null || grant.Upstreams.Contains(upstream, StringComparer.Ordinal))
            .SelectMany(grant => grant.Match.TryGetValue("scope", out var scopes) ? scopes : [])
            .SelectMany(scope => scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
