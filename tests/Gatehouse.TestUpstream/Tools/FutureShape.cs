using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

/// <summary>
/// A result in a shape no MCP SDK knows: members and a content type that no protocol version defines, and
/// numbers written as no serializer would write them. A gateway that reads results into an SDK's types and
/// writes them again loses or rewrites them; one that passes results on as they came does not. The SDK
/// cannot produce such a result, so the tool answers with a marker that <see cref="Filter"/> replaces
/// with <see cref="Shape"/> on the way out.
/// </summary>
[McpServerToolType]
internal sealed class FutureShape
{
    /// <summary>The whole result, as it goes out. Its numbers keep this form in the JSON sent.</summary>
    public const string Shape = """
        {
          "content": [
            { "type": "text", "text": "as the upstream wrote it", "x-rendering": { "emphasis": "strong" } },
            { "type": "hologram", "frames": [1, 2.50, 1E+2, -0, 12345678901234567890123], "loop": null }
          ],
          "structuredContent": { "zeta": 1.0, "alpha": [], "nested": {} },
          "futureMember": { "since": "2099-01-01", "flags": [true, false, null] },
          "_meta": { "example.com/weight": 0.10 }
        }
        """;

    private const string Marker = "future-shape: replaced on the way out";

    [McpServerTool(Name = "future-shape", ReadOnly = true)]
    [Description("Answers with a result in a shape no MCP SDK knows: unknown members, an unknown content type, numbers as written.")]
    public static string Answer() => Marker;

    /// <summary>An outgoing message filter: puts <see cref="Shape"/> in place of the result that carries the marker.</summary>
    public static McpMessageHandler Filter(McpMessageHandler next) =>
        (context, cancellationToken) =>
        {
            if (context.JsonRpcMessage is JsonRpcResponse { Result: JsonObject result }
                && result["content"] is JsonArray { Count: > 0 } content
                && content[0] is JsonObject first
                && first["text"] is JsonValue text && text.TryGetValue<string>(out var written) && written == Marker)
            {
                var shape = JsonNode.Parse(Shape)!.AsObject();
                var members = shape.ToList();
                shape.Clear();
                result.Clear();
                foreach (var (name, value) in members)
                {
                    result[name] = value;
                }
            }

            return next(context, cancellationToken);
        };
}
