namespace Gatehouse.Host.OperatorConsole;

/// <summary>The <c>Gatehouse:Console</c> configuration section: the operator console under <c>/console/</c>.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Gatehouse:Console";

    /// <summary>
    /// A URL template for one trace, <c>{traceId}</c> replaced by the audit entry's trace id (e.g. a Grafana Explore
    /// or Jaeger URL). When set, each audit row with a trace links to it. Default: none (no links).
    /// </summary>
    public string? TraceUrl { get; set; }

    /// <summary>How long a console sign-in lasts, in hours. Default 8.</summary>
    public double SessionHours { get; set; } = ConsoleDefaults.SessionHours;

    /// <summary>
    /// An optional secret, the same on every replica, mixed into the key that signs console sessions. Without it the
    /// key derives from <c>Gatehouse:AdminTokenSha256</c> alone; with no admin token (operators only through an IdP) it is required.
    /// </summary>
    public string? SessionKey { get; set; }

    /// <summary>Sign-in through an identity provider (authorization code with PKCE), beside the admin token.</summary>
    public ConsoleOidcOptions Oidc { get; set; } = new();
}
