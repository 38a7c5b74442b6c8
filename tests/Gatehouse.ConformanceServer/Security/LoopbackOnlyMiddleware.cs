namespace Gatehouse.ConformanceServer.Security;

/// <summary>
/// DNS rebinding protection for a server on loopback without TLS or authentication: a request whose
/// <c>Host</c> is not a loopback name, or whose <c>Origin</c> (when present) is not a loopback origin,
/// is refused with 403 before it reaches the MCP endpoint.
/// </summary>
/// <remarks>
/// A page on <c>evil.example</c> whose name resolves to 127.0.0.1 reaches this port with
/// <c>Host: evil.example</c>; the browser cannot forge either header.
/// </remarks>
internal sealed class LoopbackOnlyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host;
        var origin = context.Request.Headers.Origin.ToString();

        if (!LoopbackHost.IsLoopback(host) || (origin.Length > 0 && !LoopbackHost.IsLoopbackOrigin(origin)))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Host and Origin must name the loopback interface.", context.RequestAborted);
            return;
        }

        await next(context);
    }
}
