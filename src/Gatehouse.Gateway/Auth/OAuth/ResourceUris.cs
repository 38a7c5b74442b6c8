using Gatehouse.Gateway.Routing;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// The resource URIs (RFC 8707) of the MCP endpoints, derived from <c>Gatehouse:PublicUrl</c>, and where each one's
/// Protected Resource Metadata (RFC 9728) is published.
/// </summary>
internal static class ResourceUris
{
    private const string WellKnown = "/.well-known/oauth-protected-resource";

    /// <summary><c>{PublicUrl}/mcp/{upstream}</c>, or <c>{PublicUrl}/mcp</c> for the aggregate endpoint.</summary>
    public static string Of(string publicUrl, string? upstream) =>
        Base(publicUrl) + EndpointPath(upstream);

    /// <summary>The resource URI of the endpoint a request is for.</summary>
    public static string? Of(string? publicUrl, HttpContext context) =>
        publicUrl is null ? null : Of(publicUrl, RouteValues.UpstreamOf(context));

    /// <summary><c>{PublicUrl}/.well-known/oauth-protected-resource/mcp/{upstream}</c> (RFC 9728 §3.1: the well-known segment goes before the path).</summary>
    public static string MetadataOf(string publicUrl, string? upstream)
    {
        var uri = new Uri(Base(publicUrl));
        return uri.GetLeftPart(UriPartial.Authority) + WellKnown + uri.AbsolutePath.TrimEnd('/') + EndpointPath(upstream);
    }

    private static string EndpointPath(string? upstream) => upstream is null ? "/mcp" : "/mcp/" + upstream;

    private static string Base(string publicUrl) => publicUrl.TrimEnd('/');
}
