using System.Security.Claims;
using Gatehouse.Gateway.Auth.OAuth;

namespace Gatehouse.Host.Admin;

/// <summary>The principal of an operator, however signed in; the admin API's policy asks for <see cref="OperatorClaim"/>.</summary>
internal static class Operators
{
    /// <summary>Present (value <c>true</c>) on every principal that may use the admin API.</summary>
    public const string OperatorClaim = "gatehouse:operator";

    public static ClaimsPrincipal Principal(string name, string subject, string authenticationType, bool isOperator, IEnumerable<Claim>? more = null)
    {
        List<Claim> claims = [new(ClaimTypes.Name, name), new("sub", subject)];
        if (isOperator)
        {
            claims.Add(new Claim(OperatorClaim, "true"));
        }

        claims.AddRange(more ?? []);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <summary>How an IdP user is shown: <c>preferred_username</c>, else <c>email</c>, else <c>sub</c>.</summary>
    public static string NameOf(VerifiedToken token) =>
        token.ValuesOf("preferred_username").FirstOrDefault() ?? token.ValuesOf("email").FirstOrDefault() ?? token.Subject ?? "operator";
}
