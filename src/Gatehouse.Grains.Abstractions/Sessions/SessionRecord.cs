namespace Gatehouse.Grains.Sessions;

/// <summary>What a session is bound to.</summary>
/// <param name="GrantId">The grant whose token opened the session; no other grant may use it.</param>
/// <param name="Route">The upstream name of <c>/mcp/{upstream}</c>.</param>
/// <param name="InitializeParamsJson">The agent's <c>initialize</c> params, replayed when another replica adopts the session.</param>
/// <param name="OpenedAt">When the session was opened.</param>
/// <param name="Upstreams">The upstream session behind this one, by upstream name, once one was opened.</param>
[GenerateSerializer, Immutable, Alias("Gatehouse.SessionRecord")]
public sealed record SessionRecord(
    [property: Id(0)] string GrantId,
    [property: Id(1)] string Route,
    [property: Id(2)] string InitializeParamsJson,
    [property: Id(3)] DateTimeOffset OpenedAt,
    [property: Id(4)] IReadOnlyDictionary<string, UpstreamBinding>? Upstreams = null)
{
    public UpstreamBinding? UpstreamBindingOf(string upstream) => Upstreams?.GetValueOrDefault(upstream);
}
