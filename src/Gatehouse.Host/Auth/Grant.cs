namespace Gatehouse.Host.Auth;

/// <summary>An authenticated agent credential and the upstreams it may reach.</summary>
public sealed record Grant(string Id, IReadOnlySet<string> Upstreams);
