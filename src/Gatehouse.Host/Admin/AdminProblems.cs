namespace Gatehouse.Host.Admin;

/// <summary>
/// The admin API's refusals as RFC 9457 problem details (<c>application/problem+json</c>): <c>title</c>,
/// <c>status</c> and <c>detail</c>, plus <c>error</c> (a stable code for scripts) and <c>message</c> (the
/// same text as <c>detail</c>), which admin answers carried before they became problems.
/// </summary>
internal static class AdminProblems
{
    /// <summary>A refusal with <paramref name="status"/>; <paramref name="extra"/> adds members beside the standard ones.</summary>
    public static IResult Of(int status, string error, string title, string detail, IEnumerable<KeyValuePair<string, object?>>? extra = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["error"] = error, ["message"] = detail };
        foreach (var (key, value) in extra ?? [])
        {
            extensions[key] = value;
        }

        return TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }

    public static IResult NotFound(string error, string title, string detail) => Of(StatusCodes.Status404NotFound, error, title, detail);

    public static IResult BadRequest(string error, string title, string detail) => Of(StatusCodes.Status400BadRequest, error, title, detail);

    public static IResult Conflict(string error, string title, string detail) => Of(StatusCodes.Status409Conflict, error, title, detail);

    /// <summary>Answers a path under <c>/admin</c> that names no route (after authentication, like every admin route).</summary>
    public static IResult NoRoute(HttpRequest request) =>
        NotFound("not_found", "No such admin route", $"{request.Method} {request.Path} is not a route of the admin API.");
}
