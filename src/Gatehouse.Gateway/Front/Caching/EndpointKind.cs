namespace Gatehouse.Gateway.Front.Caching;

/// <summary>Which kind of agent-facing endpoint answers a request.</summary>
internal enum EndpointKind
{
    /// <summary><c>/mcp/{upstream}</c>: one upstream's entries, filtered by that upstream's policy.</summary>
    Upstream,

    /// <summary><c>/mcp</c>: the entries of every upstream the agent's grant may use.</summary>
    Aggregate,
}
