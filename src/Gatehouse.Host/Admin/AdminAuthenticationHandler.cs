using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Admin;

/// <summary>
/// Authenticates operators on <c>/admin</c>: the bearer token's SHA-256 must equal
/// <c>Gatehouse:AdminTokenSha256</c> (compared in constant time). A missing or wrong token gets 401 with
/// <c>WWW-Authenticate: Bearer realm="gatehouse-admin"</c>; without an admin token configured the admin API
/// does not exist, and every route answers 404. Both answers are problem details.
/// </summary>
internal sealed class AdminAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<GatehouseOptions> gatehouse)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string AuthenticationType = "GatehouseAdmin";

    private readonly byte[]? _expected = gatehouse.Value.AdminTokenSha256 is { } hash ? Convert.FromHexString(hash) : null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (_expected is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("No Gatehouse:AdminTokenSha256 is configured."));
        }

        if (BearerToken.From(Request) is not { } token)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(TokenHash.Of(token)), _expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("The admin token is wrong."));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], AuthenticationType));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_expected is null)
        {
            return AdminProblems.NotFound("not_found", "The admin API is closed", "The admin API is closed: no Gatehouse:AdminTokenSha256 is configured.")
                .ExecuteAsync(Context);
        }

        Response.Headers.WWWAuthenticate = "Bearer realm=\"gatehouse-admin\"";
        return AdminProblems.Of(StatusCodes.Status401Unauthorized, "unauthorized", "Admin token required", "The admin token is required.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AdminProblems.Of(StatusCodes.Status403Forbidden, "forbidden", "Not an operator", "This identity may not use the admin API.")
            .ExecuteAsync(Context);
}
