namespace Gatehouse.Gateway.Configuration;

/// <summary><c>Gatehouse:Auth:Issuers:{name}</c>: one OAuth authorization server whose access tokens Gatehouse accepts.</summary>
public sealed class IssuerOptions
{
    /// <summary>
    /// The issuer URL: tokens must carry it as <c>iss</c>, and its keys come from
    /// <c>{Authority}/.well-known/openid-configuration</c>. Must be https, except on a loopback address.
    /// </summary>
    public Uri? Authority { get; set; }

    /// <summary>
    /// The audience tokens must carry. Default: the resource URI of the endpoint called (RFC 8707), so a token
    /// minted for one upstream's endpoint is refused on another's.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// For an issuer that hands out opaque access tokens: Gatehouse's own client at the issuer, with which it asks the
    /// issuer's introspection endpoint (RFC 7662) about a token that is neither a JWT nor a static grant token.
    /// </summary>
    public IntrospectionOptions? Introspection { get; set; }
}

/// <summary><c>Gatehouse:Auth:Issuers:{name}:Introspection</c>: the client Gatehouse introspects tokens as.</summary>
public sealed class IntrospectionOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }
}
