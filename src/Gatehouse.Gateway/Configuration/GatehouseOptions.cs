using Gatehouse.Upstreams;

namespace Gatehouse.Gateway.Configuration;

/// <summary>The <c>Gatehouse</c> configuration section: upstreams, grants, the admin token and the cluster.</summary>
public sealed class GatehouseOptions
{
    public const string SectionName = "Gatehouse";

    /// <summary>Upstream MCP servers by name; the name is the <c>{upstream}</c> of <c>/mcp/{upstream}</c>.</summary>
    public Dictionary<string, UpstreamOptions> Upstreams { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Agent credentials by grant id.</summary>
    public Dictionary<string, GrantOptions> Grants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The base URL agents use to reach Gatehouse (e.g. <c>https://gatehouse.example.com</c>). OAuth access tokens
    /// are bound to the resource URIs derived from it (RFC 8707): <c>{PublicUrl}/mcp/{upstream}</c> and <c>{PublicUrl}/mcp</c>.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>OAuth 2.1: the issuers whose access tokens agents may present beside static grant tokens.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>Lower-case hex SHA-256 of the operator's admin token; without it (and without <see cref="AdminMatch"/>) the admin API is closed.</summary>
    public string? AdminTokenSha256 { get; set; }

    /// <summary>
    /// Operators signed in through a trusted issuer: claim to accepted values, as a grant's <c>Match</c> (e.g.
    /// <c>{ "groups": "gatehouse-operators" }</c>). A bearer JWT on the admin API (audience <c>{PublicUrl}/admin</c>, or the
    /// issuer's <c>Audience</c>) or a console sign-in through the IdP whose claims match is an operator.
    /// </summary>
    public Dictionary<string, List<string>> AdminMatch { get; set; } = new(StringComparer.Ordinal);

    public ClusterSettings Cluster { get; set; } = new();

    public CounterSettings Counters { get; set; } = new();

    /// <summary>
    /// Host names the MCP endpoints answer for, checked against the <c>Host</c> and <c>Origin</c> headers
    /// (DNS-rebinding protection). Default: <c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c>. <c>*</c> allows any.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Minutes an SSE stream stays resumable (<c>Last-Event-ID</c>, on any replica): each of its events, and its record,
    /// is kept cluster-wide that long after it was last written or read, then dropped. Default 10. Memory
    /// grows with calls per second × this; the MCP SDK's own defaults (30 minutes for events, an hour for stream
    /// records) held about 50 MiB per replica per hour of 40 calls/s before levelling off.
    /// </summary>
    public int ResumptionMinutes { get; set; } = 10;

    /// <summary>
    /// Base64 of at least 32 random bytes, the same on every replica: the key that signs the <c>requestState</c> of
    /// <c>input_required</c> results (2026-07-28 agents), so an agent cannot alter one and any replica can check it.
    /// Without it the key is derived from the admin token hash, the grant token hashes and the cluster's names; without
    /// an admin token that is what an agent may know (a warning says so at first use).
    /// </summary>
    public string? RequestStateKey { get; set; }

    /// <summary>Largest accepted request body in bytes. Default 4 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;
}
