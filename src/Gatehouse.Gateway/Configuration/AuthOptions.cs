namespace Gatehouse.Gateway.Configuration;

/// <summary><c>Gatehouse:Auth</c>: OAuth 2.1 resource-server settings.</summary>
public sealed class AuthOptions
{
    /// <summary>Trusted token issuers by a name of the operator's choosing.</summary>
    public Dictionary<string, IssuerOptions> Issuers { get; set; } = new(StringComparer.Ordinal);
}
