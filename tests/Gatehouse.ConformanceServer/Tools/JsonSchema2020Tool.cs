using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>
/// A tool whose input schema uses JSON Schema 2020-12 keywords (<c>$schema</c>, <c>$defs</c>, <c>$ref</c>,
/// <c>additionalProperties</c>) that must reach the client unchanged (SEP-1613; scenario json-schema-2020-12).
/// </summary>
/// <remarks>
/// The schema is written by hand, not inferred from a method signature: the SDK's inference produces neither
/// <c>$schema</c> nor <c>$defs</c>.
/// </remarks>
internal static class JsonSchema2020Tool
{
    public const string Name = "json_schema_2020_12_tool";

    private const string InputSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "$defs": {
            "address": {
              "type": "object",
              "properties": {
                "street": { "type": "string" },
                "city": { "type": "string" }
              }
            }
          },
          "properties": {
            "name": { "type": "string" },
            "address": { "$ref": "#/$defs/address" }
          },
          "additionalProperties": false
        }
        """;

    public static McpServerTool Create()
    {
        var tool = McpServerTool.Create(
            Echo,
            new McpServerToolCreateOptions { Name = Name, Description = "Tool with JSON Schema 2020-12 features; echoes its arguments." });
        tool.ProtocolTool.InputSchema = JsonElement.Parse(InputSchema);
        return tool;
    }

    private static string Echo(RequestContext<CallToolRequestParams> context) =>
        JsonSerializer.Serialize(context.Params?.Arguments ?? new Dictionary<string, JsonElement>());
}
