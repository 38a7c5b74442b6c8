namespace Gatehouse.Gateway.Auth;

/// <summary>What a presented bearer token resolved to: a grant (with who the token speaks for), or why not.</summary>
internal sealed record GrantResolution
{
    private GrantResolution(Grant? grant, GrantRefusal refusal, string reason, string? subject, string? clientId)
    {
        Grant = grant;
        Refusal = refusal;
        Reason = reason;
        Subject = subject;
        ClientId = clientId;
    }

    public Grant? Grant { get; }

    public GrantRefusal Refusal { get; }

    /// <summary>Why the token was refused, for the agent; empty when it was not.</summary>
    public string Reason { get; }

    /// <summary>The OAuth token's <c>sub</c>; null for a static token.</summary>
    public string? Subject { get; }

    /// <summary>The OAuth token's <c>client_id</c> (or <c>azp</c>); null for a static token.</summary>
    public string? ClientId { get; }

    public static GrantResolution Found(Grant grant, string? subject = null, string? clientId = null) =>
        new(grant, GrantRefusal.None, string.Empty, subject, clientId);

    public static GrantResolution Unknown() => new(null, GrantRefusal.UnknownToken, "The bearer token belongs to no grant.", null, null);

    public static GrantResolution Invalid(string reason) => new(null, GrantRefusal.InvalidToken, reason, null, null);

    public static GrantResolution NoGrant(string reason) => new(null, GrantRefusal.NoMatchingGrant, reason, null, null);
}
