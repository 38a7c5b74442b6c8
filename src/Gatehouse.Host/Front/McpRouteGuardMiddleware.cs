using Gatehouse.Grains.Sessions;
using Gatehouse.Host.Auth;

namespace Gatehouse.Host.Front;

/// <summary>
/// Runs after authentication on <c>/mcp/{upstream}</c>: the upstream must exist and be named by the
/// grant, and a presented session must be open, belong to this grant and to this route. Nothing
/// reaches an upstream otherwise. A DELETE closes the session cluster-wide.
/// </summary>
internal sealed class McpRouteGuardMiddleware(RequestDelegate next, UpstreamFronts fronts, IGrainFactory grains)
{
    /// <summary>The Streamable HTTP session header.</summary>
    public const string SessionIdHeader = "Mcp-Session-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var grant = (context.Features.Get<GrantFeature>() ?? throw new InvalidOperationException("The route guard runs after authentication.")).Grant;
        var upstream = RouteValues.UpstreamOf(context);
        if (upstream is null || !fronts.TryGet(upstream, out _))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "not_found", "No such MCP endpoint.");
            return;
        }

        if (!grant.Upstreams.Contains(upstream))
        {
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "forbidden", $"This grant may not use upstream '{upstream}'.");
            return;
        }

        var sessionId = context.Request.Headers[SessionIdHeader].ToString();
        if (sessionId.Length > 0)
        {
            var session = grains.GetGrain<ISessionGrain>(sessionId);
            var record = await session.GetAsync();
            if (record is null || record.Route != upstream)
            {
                await WriteSessionNotFoundAsync(context);
                return;
            }

            if (record.GrantId != grant.Id)
            {
                await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "forbidden", "This session belongs to another grant.");
                return;
            }

            if (HttpMethods.IsDelete(context.Request.Method))
            {
                await session.CloseAsync();
            }
        }

        await next(context);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string error, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error, message });
    }

    /// <summary>The Streamable HTTP answer to an unknown session: 404, so the client starts a new one.</summary>
    private static Task WriteSessionNotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return context.Response.WriteAsJsonAsync(new { jsonrpc = "2.0", error = new { code = -32001, message = "Session not found" }, id = (string?)null });
    }
}
