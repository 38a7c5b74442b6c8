using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Auth;

/// <summary>
/// Authenticates agents on the MCP endpoints: the bearer token, checked by the <see cref="IGrantTokenValidator"/>,
/// selects the grant, whose id the principal carries (<see cref="ClaimTypes.NameIdentifier"/>) and which is
/// kept on the request as a <see cref="GrantFeature"/>. A missing, unknown or revoked token gets 401 with
/// <c>WWW-Authenticate: Bearer realm="gatehouse"</c> and a JSON body saying so.
/// </summary>
internal sealed class GrantAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrantTokenValidator tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The authentication type of the principal (the MCP SDK compares it across a session's requests).</summary>
    public const string AuthenticationType = "Gatehouse";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (await tokens.FindGrantAsync(token, Context.RequestAborted) is not { } grant)
        {
            return AuthenticateResult.Fail("The bearer token belongs to no grant.");
        }

        Context.Features.Set(new GrantFeature(grant));
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, grant.Id)], AuthenticationType));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"gatehouse\"";
        return Response.WriteAsJsonAsync(new { error = "unauthorized", message = "A valid bearer token is required." });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Response.WriteAsJsonAsync(new { error = "forbidden", message = "This grant may not use this endpoint." });
    }
}
