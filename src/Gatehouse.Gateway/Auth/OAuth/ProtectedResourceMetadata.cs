using Gatehouse.Gateway.Configuration;
using Gatehouse.Upstreams;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// Protected Resource Metadata (RFC 9728) for each MCP endpoint, where an MCP client that got a 401 learns which
/// authorization servers issue tokens for it: <c>/.well-known/oauth-protected-resource/mcp/{upstream}</c> and
/// <c>…/mcp</c>. Published only when <c>Gatehouse:PublicUrl</c> and at least one issuer are configured.
/// </summary>
internal static class ProtectedResourceMetadata
{
    public static IEndpointRouteBuilder MapGatehouseProtectedResourceMetadata(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<GatehouseOptions>>().Value;
        if (options.PublicUrl is not { } publicUrl || options.Auth.Issuers.Count == 0)
        {
            return app;
        }

        var servers = options.Auth.Issuers.Values.Select(issuer => issuer.Authority!.ToString().TrimEnd('/')).Distinct().ToArray();
        app.MapGet("/.well-known/oauth-protected-resource/mcp", () => Results.Json(Document(options, publicUrl, null, servers)));
        app.MapGet("/.well-known/oauth-protected-resource/mcp/{upstream}", (string upstream, UpstreamCatalog catalog) =>
            catalog.Upstreams.ContainsKey(upstream) ? Results.Json(Document(options, publicUrl, upstream, servers)) : Results.NotFound());
        return app;
    }

    private static Dictionary<string, object> Document(GatehouseOptions options, string publicUrl, string? upstream, string[] servers)
    {
        var document = new Dictionary<string, object>
        {
            ["resource"] = ResourceUris.Of(publicUrl, upstream),
            ["authorization_servers"] = servers,
            ["bearer_methods_supported"] = new[] { "header" },
            ["resource_name"] = upstream is null ? "Gatehouse (every upstream of the grant)" : $"Gatehouse: {upstream}",
        };
        if (EndpointScopes.Of(options, upstream) is { Count: > 0 } scopes)
        {
            document["scopes_supported"] = scopes;
        }

        return document;
    }
}
