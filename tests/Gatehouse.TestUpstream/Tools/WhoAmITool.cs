using System.Buffers.Text;
using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

/// <summary>
/// Shows whose credentials a call arrived with, so tests can check what a gateway sends upstream: the bearer token's
/// <c>sub</c>, <c>aud</c>, <c>client_id</c> and <c>act</c> when it is a JWT (read, not verified), or the raw token otherwise.
/// </summary>
[McpServerToolType]
internal sealed class WhoAmITool(IHttpContextAccessor http)
{
    [McpServerTool(Name = "whoami")]
    [Description("Returns a JSON object { bearer, claims }: the Authorization bearer token this request carried (null over stdio or without one) and, for a JWT, its payload.")]
    public string WhoAmI()
    {
        var header = http.HttpContext?.Request.Headers.Authorization.ToString();
        var bearer = header is { Length: > 7 } && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..] : null;
        JsonNode? claims = null;
        if (bearer?.Split('.') is [_, var payload, _])
        {
            claims = JsonNode.Parse(Base64Url.DecodeFromChars(payload));
        }

        return new JsonObject { ["bearer"] = bearer, ["claims"] = claims }.ToJsonString();
    }
}
