namespace Gatehouse.Gateway.Auth;

/// <summary>An authenticated agent credential and the upstreams it may reach.</summary>
/// <param name="Id">The grant's id.</param>
/// <param name="Upstreams">The upstreams it may reach; no others are visible to it.</param>
/// <param name="TokenSha256">Lower-case hex SHA-256 of its static bearer token; null for a grant selected only by OAuth claims.</param>
public sealed record Grant(string Id, IReadOnlySet<string> Upstreams, string? TokenSha256)
{
    /// <summary>The claims an OAuth access token must carry to use this grant (claim to accepted values); empty when none may.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Match { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
