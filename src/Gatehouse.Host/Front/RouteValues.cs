namespace Gatehouse.Host.Front;

internal static class RouteValues
{
    /// <summary>The route parameter of <c>/mcp/{upstream}</c>.</summary>
    public const string Upstream = "upstream";

    public static string? UpstreamOf(HttpContext context) => context.GetRouteValue(Upstream) as string;
}
