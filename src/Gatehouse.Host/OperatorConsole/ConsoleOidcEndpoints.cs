using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Gatehouse.Gateway.Auth.OAuth;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Host.Admin;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.OperatorConsole;

/// <summary>
/// Console sign-in through an identity provider (<c>Gatehouse:Console:Oidc</c>), authorization code with PKCE (S256):
/// <c>GET /console/session/oidc</c> sends the browser to the issuer with a fresh <c>state</c>, <c>nonce</c> and code
/// challenge (remembered, signed, in a ten-minute cookie); <c>GET /console/session/oidc/callback</c> checks the state,
/// redeems the code with the verifier, verifies the ID token (signature, issuer, audience = the client id, expiry,
/// nonce) and, if its claims match <c>Gatehouse:AdminMatch</c>, issues the same session cookie as the admin token does.
/// Any failure comes back to the sign-in page with the reason. Nothing is kept on the replica: any replica may
/// answer the callback.
/// </summary>
internal static partial class ConsoleOidcEndpoints
{
    public const string HttpClientName = "gatehouse-console-oidc";
    private const string StateCookie = "gatehouse_console_signin";
    private const string CallbackPath = "/console/session/oidc/callback";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public static async Task<IResult> StartAsync(
        HttpContext context, ConsoleTicketProtector tickets, IOptions<ConsoleOptions> console, IOptions<GatehouseOptions> gatehouse,
        IReadOnlyList<IssuerKeys> issuers, TimeProvider time)
    {
        var oidc = console.Value.Oidc;
        if (!tickets.IsOpen || oidc.Issuer is null || issuers.FirstOrDefault(issuer => issuer.Name == oidc.Issuer) is not { } issuer)
        {
            return AdminProblems.NotFound("not_found", "No IdP sign-in", "The console has no IdP sign-in: Gatehouse:Console:Oidc is not configured.");
        }

        IssuerKeys.Snapshot discovered;
        try
        {
            discovered = await issuer.GetAsync(context.RequestAborted);
        }
        catch (IssuerUnavailableException ex)
        {
            return BackToSignIn($"The identity provider could not be reached ({ex.Message}).");
        }

        if (discovered.AuthorizationEndpoint is not { } authorize)
        {
            return BackToSignIn("The identity provider's discovery document names no authorization_endpoint.");
        }

        var state = new ConsoleSignInState(Random(), Random(), Random(), time.GetUtcNow().Add(StateLifetime));
        context.Response.Cookies.Append(StateCookie, tickets.Protect(state), StateCookieOptions(context.Request, state.ExpiresAt));
        var query = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = oidc.ClientId!,
            ["redirect_uri"] = RedirectUri(context.Request, gatehouse.Value),
            ["scope"] = oidc.Scope,
            ["state"] = state.State,
            ["nonce"] = state.Nonce,
            ["code_challenge"] = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(state.CodeVerifier))),
            ["code_challenge_method"] = "S256",
        };
        var separator = authorize.Query.Length > 0 ? "&" : "?";
        return Results.Redirect(authorize + separator + string.Join('&', query.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}")));
    }

    public static async Task<IResult> CallbackAsync(
        HttpContext context, ConsoleTicketProtector tickets, IOptions<ConsoleOptions> console, IOptions<GatehouseOptions> gatehouse,
        IReadOnlyList<IssuerKeys> issuers, AccessTokenVerifier verifier, OperatorMatch operators, IHttpClientFactory http, TimeProvider time, ILogger<ConsoleTicketProtector> logger)
    {
        var oidc = console.Value.Oidc;
        var request = context.Request;
        var remembered = tickets.UnprotectState(request.Cookies[StateCookie], time.GetUtcNow());
        context.Response.Cookies.Delete(StateCookie, StateCookieOptions(request, expires: null));
        if (oidc.Issuer is null || issuers.FirstOrDefault(issuer => issuer.Name == oidc.Issuer) is not { } issuer)
        {
            return BackToSignIn("The console has no IdP sign-in.");
        }

        if (request.Query["error"].FirstOrDefault() is { } error)
        {
            return BackToSignIn($"The identity provider refused the sign-in: {error} {request.Query["error_description"].FirstOrDefault()}".TrimEnd());
        }

        if (remembered is null || !string.Equals(remembered.State, request.Query["state"].FirstOrDefault(), StringComparison.Ordinal))
        {
            return BackToSignIn("The sign-in could not be matched to one this console started (or it took more than ten minutes); try again.");
        }

        if (request.Query["code"].FirstOrDefault() is not { Length: > 0 } code)
        {
            return BackToSignIn("The identity provider sent no authorization code.");
        }

        string idToken;
        try
        {
            var discovered = await issuer.GetAsync(context.RequestAborted);
            if (discovered.TokenEndpoint is not { } tokenEndpoint)
            {
                return BackToSignIn("The identity provider's discovery document names no token_endpoint.");
            }

            if (await RedeemAsync(http.CreateClient(HttpClientName), tokenEndpoint, oidc, code, remembered.CodeVerifier, RedirectUri(request, gatehouse.Value), context.RequestAborted) is not { } redeemed)
            {
                return BackToSignIn("The identity provider would not redeem the authorization code.");
            }

            idToken = redeemed;
        }
        catch (Exception ex) when (ex is IssuerUnavailableException or HttpRequestException or System.Text.Json.JsonException or TaskCanceledException)
        {
            return BackToSignIn($"The identity provider could not be reached ({ex.Message}).");
        }

        var verified = await verifier.VerifyAsync(idToken, oidc.ClientId!, "ID token", context.RequestAborted);
        if (verified.Failure is { } failure)
        {
            return BackToSignIn(failure);
        }

        if (!string.Equals(verified.ValuesOf("nonce").FirstOrDefault(), remembered.Nonce, StringComparison.Ordinal))
        {
            return BackToSignIn("The ID token does not answer this sign-in (its nonce differs).");
        }

        var name = Operators.NameOf(verified);
        if (!operators.Matches(verified))
        {
            Log.NotAnOperator(logger, name);
            return BackToSignIn($"{name} signed in at the identity provider, but is not an operator here (Gatehouse:AdminMatch).");
        }

        var ticket = new ConsoleTicket(name, $"oidc:{issuer.Name}", time.GetUtcNow().AddHours(console.Value.SessionHours), ConsoleTicketProtector.NewCsrfToken());
        ConsoleSessionEndpoints.AppendSessionCookie(context, tickets, ticket);
        Log.SignedIn(logger, name, issuer.Name);
        return Results.Redirect("/console/");
    }

    /// <summary>Whether this console offers IdP sign-in, and under which issuer's name.</summary>
    public static string? IssuerOf(ConsoleTicketProtector tickets, ConsoleOptions console) => tickets.IsOpen ? console.Oidc.Issuer : null;

    private static async Task<string?> RedeemAsync(HttpClient http, Uri tokenEndpoint, ConsoleOidcOptions oidc, string code, string verifier, string redirectUri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        };
        if (oidc.ClientSecret is { } secret)
        {
            request.Headers.Authorization = ClientSecretBasic.Header(oidc.ClientId!, secret);
        }
        else
        {
            form["client_id"] = oidc.ClientId!;
        }

        request.Content = new FormUrlEncodedContent(form);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var tokens = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<TokenResponse>(response.Content, cancellationToken);
        return tokens?.IdToken;
    }

    /// <summary><c>{PublicUrl}/console/session/oidc/callback</c>, or on this request's own origin when no public URL is set.</summary>
    private static string RedirectUri(HttpRequest request, GatehouseOptions gatehouse) =>
        (gatehouse.PublicUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}") + CallbackPath;

    private static IResult BackToSignIn(string why) => Results.Redirect("/console/?signin_error=" + Uri.EscapeDataString(why));

    private static string Random() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    // Lax, not Strict: the browser must send it on the top-level navigation back from the issuer.
    private static CookieOptions StateCookieOptions(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Path = "/console/session/oidc",
        Secure = request.IsHttps,
        Expires = expires,
        IsEssential = true,
    };

    private sealed record TokenResponse([property: JsonPropertyName("id_token")] string? IdToken);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2602, Level = LogLevel.Information, Message = "Console sign-in of {Subject} through issuer {Issuer}")]
        public static partial void SignedIn(ILogger logger, string subject, string issuer);

        [LoggerMessage(EventId = 2603, Level = LogLevel.Warning, Message = "Console sign-in refused: {Subject} matches no Gatehouse:AdminMatch")]
        public static partial void NotAnOperator(ILogger logger, string subject);
    }
}
