using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Host.Admin;

namespace Gatehouse.Host.OperatorConsole;

/// <summary>
/// Anti-forgery for the console: a state change (anything but GET, HEAD, OPTIONS) made with the session cookie must
/// carry the session's token in <c>X-Gatehouse-Csrf</c>. The page reads the token from <c>GET /console/session</c>,
/// which another site cannot read; a request authenticated by the admin token (no cookie) has nothing to forge.
/// </summary>
internal static class ConsoleAntiforgery
{
    public static bool Allows(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            return true;
        }

        if (context.User.Identity is not { IsAuthenticated: true, AuthenticationType: ConsoleAuthentication.Scheme })
        {
            return true;
        }

        var expected = context.User.FindFirstValue(ConsoleAuthentication.CsrfClaim);
        var given = context.Request.Headers[ConsoleDefaults.AntiforgeryHeader].ToString();
        return expected is not null && given.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }

    public static IResult Refusal(HttpRequest request) => AdminProblems.Of(
        StatusCodes.Status403Forbidden,
        "antiforgery",
        "Anti-forgery token missing or wrong",
        $"{request.Method} {request.Path} with the console's session cookie needs the session's token in the {ConsoleDefaults.AntiforgeryHeader} header (from GET /console/session).");
}
