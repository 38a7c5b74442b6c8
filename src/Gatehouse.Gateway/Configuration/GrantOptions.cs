namespace Gatehouse.Gateway.Configuration;

/// <summary>One agent credential (<c>Gatehouse:Grants:{id}</c>).</summary>
public sealed class GrantOptions
{
    /// <summary>Lower-case hex SHA-256 of the bearer token; the token itself is never stored (<c>gatehouse token new</c> makes a pair).</summary>
    public string? TokenSha256 { get; set; }

    /// <summary>The upstreams this grant may reach; no others are visible to it.</summary>
    public IList<string> Upstreams { get; set; } = [];
}
