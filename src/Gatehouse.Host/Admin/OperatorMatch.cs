using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Auth.OAuth;
using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Admin;

/// <summary><c>Gatehouse:AdminMatch</c>: which identities from a trusted issuer are operators, and the admin API's resource URI.</summary>
internal sealed class OperatorMatch(IOptions<GatehouseOptions> gatehouse)
{
    private readonly Dictionary<string, IReadOnlyList<string>> _match =
        gatehouse.Value.AdminMatch.ToDictionary(claim => claim.Key, IReadOnlyList<string> (claim) => claim.Value, StringComparer.Ordinal);

    /// <summary>Whether operators may sign in through an issuer at all.</summary>
    public bool IsEnabled => _match.Count > 0;

    /// <summary><c>{PublicUrl}/admin</c>: the audience of an operator's access token (unless the issuer sets its own).</summary>
    public string? Resource { get; } = gatehouse.Value.PublicUrl is { } publicUrl ? publicUrl.TrimEnd('/') + "/admin" : null;

    public bool Matches(VerifiedToken token) => IsEnabled && ClaimMatch.Satisfies(_match, token.ValuesOf);
}
