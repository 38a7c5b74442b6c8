using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Gatehouse.Host.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.OperatorConsole;

/// <summary>
/// Authenticates the console's requests by their session cookie (<see cref="ConsoleTicketProtector"/>). A missing,
/// forged or expired cookie gets 401 as a problem; the page then shows the sign-in form.
/// </summary>
internal sealed class ConsoleAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ConsoleTicketProtector tickets,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(ConsoleDefaults.CookieName, out var cookie))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (tickets.Unprotect(cookie, time.GetUtcNow()) is not { } ticket)
        {
            return Task.FromResult(AuthenticateResult.Fail("The console session is invalid or has expired."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(PrincipalOf(ticket), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AdminProblems.Of(StatusCodes.Status401Unauthorized, "unauthorized", "Sign-in required", "Sign in to the console again: the session is missing, invalid or has expired.")
            .ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AdminProblems.Of(StatusCodes.Status403Forbidden, "forbidden", "Not an operator", "This identity may not use the admin API.")
            .ExecuteAsync(Context);

    // A ticket is only ever issued to an operator (the admin token, or an IdP user matching Gatehouse:AdminMatch).
    private static ClaimsPrincipal PrincipalOf(ConsoleTicket ticket) => Operators.Principal(ticket.Subject, ticket.Subject, ConsoleAuthentication.Scheme, isOperator: true,
        [
            new Claim(ConsoleAuthentication.MethodClaim, ticket.Method),
            new Claim(ConsoleAuthentication.CsrfClaim, ticket.Csrf),
            new Claim(ConsoleAuthentication.ExpiresClaim, ticket.ExpiresAt.ToString("O", CultureInfo.InvariantCulture)),
        ]);
}
