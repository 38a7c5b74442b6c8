namespace Gatehouse.Gateway.Routing;

internal static class RouteValues
{
    /// <summary>The route parameter of <c>/mcp/{upstream}</c>.</summary>
    public const string Upstream = "upstream";

    /// <summary>The <c>{upstream}</c> of <c>/mcp/{upstream}</c>; null on the aggregate endpoint <c>/mcp</c>.</summary>
    public static string? UpstreamOf(HttpContext context) => context.GetRouteValue(Upstream) as string;

    /// <summary>What a session record names as its route: the upstream, or the empty string for <c>/mcp</c>.</summary>
    public static string RouteOf(HttpContext context) => UpstreamOf(context) ?? string.Empty;
}
