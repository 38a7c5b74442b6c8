using System.Security.Claims;
using System.Security.Cryptography;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Host.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.OperatorConsole;

/// <summary>
/// <c>POST /console/session</c> (<c>{"token": "…"}</c>): exchanges the admin token for the session cookie.
/// <c>GET /console/session</c>: who is signed in, until when, and the anti-forgery token the page sends with each
/// change. <c>DELETE /console/session</c>: signs out (clears the cookie). An IdP sign-in (<see cref="ConsoleOidcEndpoints"/>)
/// issues the same ticket with its user as the subject.
/// </summary>
internal static partial class ConsoleSessionEndpoints
{
    private const string AdminSubject = "admin";
    private const string AdminTokenMethod = "admin_token";

    public static IResult SignIn(
        SignInRequest request, HttpContext context, ConsoleTicketProtector tickets, IOptions<GatehouseOptions> gatehouse,
        IOptions<ConsoleOptions> console, TimeProvider time, ILogger<ConsoleTicketProtector> logger)
    {
        if (!tickets.IsOpen || gatehouse.Value.AdminTokenSha256 is not { } expected)
        {
            return AdminProblems.NotFound("not_found", "The console is closed", "The console is closed: no Gatehouse:AdminTokenSha256 is configured.");
        }

        if (string.IsNullOrEmpty(request.Token)
            || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(TokenHash.Of(request.Token)), Convert.FromHexString(expected)))
        {
            Log.SignInRefused(logger);
            return AdminProblems.Of(StatusCodes.Status401Unauthorized, "unauthorized", "Wrong admin token", "The admin token is wrong.");
        }

        var ticket = new ConsoleTicket(AdminSubject, AdminTokenMethod, time.GetUtcNow().AddHours(console.Value.SessionHours), ConsoleTicketProtector.NewCsrfToken());
        AppendSessionCookie(context, tickets, ticket);
        Log.SignedIn(logger, ticket.Subject, ticket.Method);
        return Results.Ok(View(ticket.Subject, ticket.Method, ticket.ExpiresAt, ticket.Csrf, console.Value));
    }

    /// <summary>Sets the session cookie of <paramref name="ticket"/>, however the operator signed in.</summary>
    public static void AppendSessionCookie(HttpContext context, ConsoleTicketProtector tickets, ConsoleTicket ticket) =>
        context.Response.Cookies.Append(ConsoleDefaults.CookieName, tickets.Protect(ticket), CookieOptions(context.Request, ticket.ExpiresAt));

    public static async Task<IResult> GetAsync(HttpContext context, ConsoleTicketProtector tickets, IOptions<ConsoleOptions> console, IOptions<GatehouseOptions> gatehouse)
    {
        var result = await context.AuthenticateAsync(ConsoleAuthentication.Scheme);
        if (result.Principal is not { } user)
        {
            // The sign-in page offers what this console accepts: the admin token, an IdP, or both.
            var idp = ConsoleOidcEndpoints.IssuerOf(tickets, console.Value);
            var adminToken = tickets.IsOpen && gatehouse.Value.AdminTokenSha256 is not null;
            return AdminProblems.Of(StatusCodes.Status401Unauthorized, "unauthorized", "Not signed in", "No console session: sign in first.",
                [new("signIn", new { adminToken, idp, idpUrl = idp is null ? null : "/console/session/oidc" })]);
        }

        return Results.Ok(View(
            user.FindFirstValue(ClaimTypes.Name)!,
            user.FindFirstValue(ConsoleAuthentication.MethodClaim)!,
            DateTimeOffset.Parse(user.FindFirstValue(ConsoleAuthentication.ExpiresClaim)!, System.Globalization.CultureInfo.InvariantCulture),
            user.FindFirstValue(ConsoleAuthentication.CsrfClaim)!,
            console.Value));
    }

    public static async Task<IResult> SignOutAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(ConsoleAuthentication.Scheme);
        if (result.Principal is { } user)
        {
            context.User = user;
            if (!ConsoleAntiforgery.Allows(context))
            {
                return ConsoleAntiforgery.Refusal(context.Request);
            }
        }

        context.Response.Cookies.Delete(ConsoleDefaults.CookieName, CookieOptions(context.Request, expires: null));
        return Results.NoContent();
    }

    private static CookieOptions CookieOptions(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Secure = request.IsHttps,
        Expires = expires,
        IsEssential = true,
    };

    private static object View(string subject, string method, DateTimeOffset expiresAt, string csrf, ConsoleOptions console) => new
    {
        subject,
        method,
        expiresAt,
        csrf,
        csrfHeader = ConsoleDefaults.AntiforgeryHeader,
        traceUrl = console.TraceUrl,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 2600, Level = LogLevel.Information, Message = "Console sign-in of {Subject} ({Method})")]
        public static partial void SignedIn(ILogger logger, string subject, string method);

        [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "Console sign-in refused: wrong admin token")]
        public static partial void SignInRefused(ILogger logger);
    }
}
