using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Front;

/// <summary>
/// DNS-rebinding protection on the MCP endpoints: a request whose <c>Origin</c> or <c>Host</c> names a
/// host not in <c>Gatehouse:AllowedHosts</c> is refused with 403 before anything else runs. By default
/// only loopback names are allowed, which suits a gateway on 127.0.0.1; a deployment adds its own names.
/// </summary>
internal sealed class OriginValidationMiddleware(RequestDelegate next, IOptions<GatehouseOptions> options)
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "::1"];

    private readonly HashSet<string> _allowed = new(
        options.Value.AllowedHosts.Count > 0 ? options.Value.AllowedHosts : LoopbackHosts,
        StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        var originHost = origin.Length == 0 ? null : Uri.TryCreate(origin, UriKind.Absolute, out var uri) ? uri.Host : origin;
        if (!IsAllowed(context.Request.Host.Host) || (originHost is not null && !IsAllowed(originHost)))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsJsonAsync(new { error = "forbidden", message = "This Host or Origin is not allowed (Gatehouse:AllowedHosts)." });
        }

        return next(context);
    }

    private bool IsAllowed(string host) => _allowed.Contains("*") || _allowed.Contains(host.Trim('[', ']')) || _allowed.Contains(host);
}
