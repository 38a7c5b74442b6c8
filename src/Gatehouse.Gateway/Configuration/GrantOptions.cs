namespace Gatehouse.Gateway.Configuration;

/// <summary>One agent credential (<c>Gatehouse:Grants:{id}</c>).</summary>
public sealed class GrantOptions
{
    /// <summary>
    /// Lower-case hex SHA-256 of the bearer token; the token itself is never stored (<c>gatehouse token new</c> makes a pair).
    /// Optional when <see cref="Match"/> selects the grant by an OAuth access token's claims.
    /// </summary>
    public string? TokenSha256 { get; set; }

    /// <summary>The upstreams this grant may reach; no others are visible to it.</summary>
    public IList<string> Upstreams { get; set; } = [];

    /// <summary>
    /// OAuth access tokens whose claims match all of these use this grant: claim name to the values accepted, any
    /// one of which the token must carry (<c>"client_id": "ci-agent"</c>, <c>"groups": ["ops", "sre"]</c>). Read
    /// from the configuration by <see cref="ClaimMatchSection"/>, since a value may be a string or a list.
    /// </summary>
    public Dictionary<string, List<string>> Match { get; set; } = new(StringComparer.Ordinal);
}
