using System.Globalization;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Routing;
using Gatehouse.Gateway.Sessions;
using Gatehouse.Grains.Sessions;
using Gatehouse.Grains.Storage;
using Gatehouse.Upstreams;
using Microsoft.AspNetCore.Authentication;

namespace Gatehouse.Gateway.Front;

/// <summary>
/// Runs after authorization on <c>/mcp/{upstream}</c> and <c>/mcp</c>: the upstream must exist and be
/// named by the grant (on <c>/mcp</c>, the grant must name at least one), and a presented session must
/// be open, belong to this grant and to this route. Nothing reaches an upstream otherwise. A DELETE
/// closes the session cluster-wide and ends the upstream sessions that stood for it.
/// </summary>
internal sealed class McpRouteGuardMiddleware(RequestDelegate next, UpstreamFronts fronts, IGrainFactory grains, SessionUpstreams upstreamSessions)
{
    /// <summary>The Streamable HTTP session header.</summary>
    public const string SessionIdHeader = "Mcp-Session-Id";

    private const int SessionRetryAfterSeconds = 2;

    public async Task InvokeAsync(HttpContext context)
    {
        if (await GrantOfAsync(context) is not { } grant)
        {
            await context.ChallengeAsync(GrantAuthentication.Scheme);
            return;
        }

        var upstream = RouteValues.UpstreamOf(context);
        if (upstream is not null && !fronts.TryGet(upstream, out _))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "not_found", "No such MCP endpoint.");
            return;
        }

        if (upstream is null ? grant.Upstreams.Count == 0 : !grant.Upstreams.Contains(upstream))
        {
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "forbidden",
                upstream is null ? "This grant may use no upstream." : $"This grant may not use upstream '{upstream}'.");
            return;
        }

        var route = upstream ?? string.Empty;
        IReadOnlyList<string> upstreams = upstream is null ? [.. grant.Upstreams] : [upstream];

        var sessionId = context.Request.Headers[SessionIdHeader].ToString();
        if (sessionId.Length > 0)
        {
            var session = grains.GetGrain<ISessionGrain>(sessionId);
            SessionRecord? record;
            try
            {
                record = await session.GetAsync();
            }
            catch (StoreUnavailableException)
            {
                await WriteSessionUnavailableAsync(context);
                return;
            }

            if (record is null || record.Route != route)
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
                var bound = await session.CloseAsync();
                await upstreamSessions.CloseAsync(sessionId, bound ?? record.Upstreams, upstreams);
            }
            else if (HttpMethods.IsGet(context.Request.Method))
            {
                await ListenAsync(context, sessionId, [.. upstreams.Where(upstreamSessions.Listens)]);
                return;
            }
        }

        await next(context);
    }

    /// <summary>
    /// The grant that authorization established; on a path under <c>/mcp</c> that no MCP endpoint maps (so no
    /// policy ran), the grant scheme is asked here, and a request without a grant is challenged the same way.
    /// </summary>
    private static async Task<Grant?> GrantOfAsync(HttpContext context)
    {
        if (context.Features.Get<GrantFeature>() is null
            && await context.AuthenticateAsync(GrantAuthentication.Scheme) is { Succeeded: true } result)
        {
            context.User = result.Principal;
        }

        return context.Features.Get<GrantFeature>()?.Grant;
    }

    /// <summary>
    /// The agent's stream of unsolicited messages is open on this replica: hold the upstream session's
    /// stream here too while it lasts, so list changes, resource updates and log lines reach the agent.
    /// </summary>
    private async Task ListenAsync(HttpContext context, string sessionId, IReadOnlyList<string> upstreams)
    {
        try
        {
            foreach (var upstream in upstreams)
            {
                try
                {
                    await upstreamSessions.ListenAsync(sessionId, upstream, context.RequestAborted);
                }
                catch (UpstreamException)
                {
                    // That upstream is unreachable now: the agent's stream stays open, without its messages.
                }
            }

            await next(context);
        }
        finally
        {
            foreach (var upstream in upstreams)
            {
                await upstreamSessions.ForgetListenerAsync(sessionId, upstream);
            }
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string error, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error, message });
    }

    /// <summary>
    /// A session no replica holds could not be read (its store is down): 503 with <c>Retry-After</c>, not 404, since
    /// the session may exist and the agent should keep it rather than start another.
    /// </summary>
    private static Task WriteSessionUnavailableAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = SessionRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "unavailable",
            $"This session could not be read: the session store is unavailable. Try again in {SessionRetryAfterSeconds} s.");
    }

    /// <summary>The Streamable HTTP answer to an unknown session: 404, so the client starts a new one.</summary>
    private static Task WriteSessionNotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return context.Response.WriteAsJsonAsync(new { jsonrpc = "2.0", error = new { code = -32001, message = "Session not found" }, id = (string?)null });
    }
}
