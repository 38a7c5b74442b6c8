namespace Gatehouse.Host.OperatorConsole;

/// <summary>The console session's authentication scheme and the claims its principal carries.</summary>
internal static class ConsoleAuthentication
{
    /// <summary>Operators signed in to the console: the session cookie.</summary>
    public const string Scheme = "GatehouseConsole";

    /// <summary>The session's anti-forgery token.</summary>
    public const string CsrfClaim = "gatehouse:csrf";

    /// <summary>How the session was signed in (<c>admin_token</c>; an IdP later).</summary>
    public const string MethodClaim = "gatehouse:method";

    /// <summary>When the session ends (ISO-8601).</summary>
    public const string ExpiresClaim = "gatehouse:expires";

    /// <summary>
    /// Which scheme authenticates a request under <c>/admin</c>: a request with an <c>Authorization</c> header is an
    /// API call (the admin token); one without it but with the session cookie comes from the console.
    /// </summary>
    public static string? SelectScheme(HttpContext context, string tokenScheme) =>
        context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies.ContainsKey(ConsoleDefaults.CookieName)
            ? Scheme
            : tokenScheme;
}
