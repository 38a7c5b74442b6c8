using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Auth.OAuth;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Admin;

/// <summary>
/// Authenticates operators on <c>/admin</c> by bearer token: the admin token (its SHA-256 equal to
/// <c>Gatehouse:AdminTokenSha256</c>, compared in constant time), or, when <c>Gatehouse:AdminMatch</c> is set, a JWT from a
/// trusted issuer whose audience is <c>{PublicUrl}/admin</c> (or the issuer's <c>Audience</c>): its claims must match
/// <c>AdminMatch</c>, else 403. A missing or wrong token gets 401 with <c>WWW-Authenticate: Bearer realm="gatehouse-admin"</c>;
/// with neither an admin token nor <c>AdminMatch</c> configured the admin API does not exist, and every route answers 404.
/// Every answer is a problem.
/// </summary>
internal sealed class AdminAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<GatehouseOptions> gatehouse,
    OperatorMatch operators,
    AccessTokenVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string AuthenticationType = "GatehouseAdmin";

    private readonly byte[]? _expected = gatehouse.Value.AdminTokenSha256 is { } hash ? Convert.FromHexString(hash) : null;

    private readonly OperatorMatch _operators = operators;

    private string? _failure;

    /// <summary>The name under which an admin-token caller acts.</summary>
    public const string AdminName = "admin";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (_expected is null && !_operators.IsEnabled)
        {
            return AuthenticateResult.Fail("No Gatehouse:AdminTokenSha256 or Gatehouse:AdminMatch is configured.");
        }

        if (BearerToken.From(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (_expected is not null && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(TokenHash.Of(token)), _expected))
        {
            return Success(Operators.Principal(AdminName, AdminName, AuthenticationType, isOperator: true));
        }

        if (_operators.IsEnabled && AccessTokenVerifier.LooksLikeJwt(token))
        {
            var verified = await verifier.VerifyAccessTokenAsync(token, _operators.Resource, Context.RequestAborted);
            if (verified.Failure is { } failure)
            {
                _failure = failure;
                return AuthenticateResult.Fail(failure);
            }

            // A valid token that matches no operator authenticates, but is not authorized: 403, not 401.
            return Success(Operators.Principal(Operators.NameOf(verified), verified.Subject ?? string.Empty, AuthenticationType, _operators.Matches(verified)));
        }

        // A wrong static token is answered like a missing one (only an access token is told what was wrong with it).
        return AuthenticateResult.Fail("The admin token is wrong.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_expected is null && !_operators.IsEnabled)
        {
            return AdminProblems.NotFound("not_found", "The admin API is closed", "The admin API is closed: no Gatehouse:AdminTokenSha256 is configured.")
                .ExecuteAsync(Context);
        }

        Response.Headers.WWWAuthenticate = _failure is null
            ? "Bearer realm=\"gatehouse-admin\""
            : "Bearer realm=\"gatehouse-admin\", error=\"invalid_token\"";
        return AdminProblems.Of(StatusCodes.Status401Unauthorized, "unauthorized", "Admin token required", _failure ?? "The admin token is required.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AdminProblems.Of(StatusCodes.Status403Forbidden, "forbidden", "Not an operator", "This identity may not use the admin API: its claims match no Gatehouse:AdminMatch.")
            .ExecuteAsync(Context);

    private AuthenticateResult Success(ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
}
