namespace Gatehouse.Gateway.Auth;

/// <summary>The names of the agents' authentication scheme and authorization policy.</summary>
internal static class GrantAuthentication
{
    /// <summary>Agents on <c>/mcp</c> and <c>/mcp/{upstream}</c>: a grant's bearer token.</summary>
    public const string Scheme = "GatehouseGrant";

    /// <summary>The policy of the MCP endpoints: authenticated by <see cref="Scheme"/>, with a grant id.</summary>
    public const string Policy = "GatehouseGrant";
}
