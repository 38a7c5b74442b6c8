namespace Gatehouse.Upstreams;

/// <summary>
/// <c>Upstreams:{name}:TokenExchange</c>: for an upstream that must act for the end user, each call of an agent that
/// presented an OAuth access token goes upstream with a token for the upstream, got by trading the agent's token at
/// the issuer (OAuth 2.0 Token Exchange, RFC 8693). Calls made with a static grant token keep the upstream's own credentials.
/// </summary>
public sealed class TokenExchangeOptions
{
    /// <summary>The issuer to trade at, by its name under <c>Gatehouse:Auth:Issuers</c> (its <c>token_endpoint</c> from discovery).</summary>
    public string? Issuer { get; set; }

    /// <summary>Gatehouse's client at the issuer, allowed to exchange tokens.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The <c>audience</c> asked for: who the upstream's tokens are for. Default: the upstream's URL.</summary>
    public string? Audience { get; set; }

    /// <summary>The <c>scope</c> asked for, if any.</summary>
    public string? Scope { get; set; }
}
