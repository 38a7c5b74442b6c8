namespace Gatehouse.Gateway.Auth;

/// <summary>An authenticated agent credential and the upstreams it may reach.</summary>
/// <param name="Id">The grant's id.</param>
/// <param name="Upstreams">The upstreams it may reach; no others are visible to it.</param>
/// <param name="TokenSha256">Lower-case hex SHA-256 of its bearer token.</param>
public sealed record Grant(string Id, IReadOnlySet<string> Upstreams, string TokenSha256);
