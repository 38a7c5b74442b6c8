namespace Gatehouse.Host.OperatorConsole;

/// <summary>
/// <c>Gatehouse:Console:Oidc</c>: operators sign in to the console through a trusted issuer (authorization code with
/// PKCE); whoever's ID token matches <c>Gatehouse:AdminMatch</c> gets a console session.
/// </summary>
public sealed class ConsoleOidcOptions
{
    /// <summary>The issuer, by its name under <c>Gatehouse:Auth:Issuers</c>. Unset: no IdP sign-in.</summary>
    public string? Issuer { get; set; }

    /// <summary>The console's client id at the issuer (its redirect URI: <c>{PublicUrl}/console/session/oidc/callback</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>The client's secret, for an issuer that treats the console as a confidential client; PKCE is used either way.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes asked for. Default <c>openid profile email</c>.</summary>
    public string Scope { get; set; } = "openid profile email";
}
