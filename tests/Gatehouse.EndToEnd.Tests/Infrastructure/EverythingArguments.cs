using System.Text.Json.Nodes;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Arguments that make each server-everything tool answer quickly and the same way every time (no
/// network, short waits), and the fixed answers a test client gives to the server's own requests.
/// </summary>
internal static class EverythingArguments
{
    public static JsonObject For(string tool, JsonObject? inputSchema) => tool switch
    {
        "trigger-long-running-operation" => new JsonObject { ["duration"] = 0.2, ["steps"] = 2 },
        "gzip-file-as-resource" => new JsonObject { ["name"] = "hello.txt.gz", ["data"] = "data:text/plain;base64,aGVsbG8gd29ybGQ=", ["outputType"] = "resource" },
        "trigger-url-elicitation" => new JsonObject { ["url"] = "https://example.com/approve" },
        _ => FromSchema(inputSchema),
    };

    /// <summary>What a test client answers when the server asks it something: fixed, whatever the request.</summary>
    public static JsonNode Answer(JsonObject request) => (string?)request["method"] switch
    {
        "sampling/createMessage" => new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = new JsonObject { ["type"] = "text", ["text"] = "a sampled answer" },
            ["model"] = "test-model",
            ["stopReason"] = "endTurn",
        },
        "elicitation/create" => new JsonObject { ["action"] = "decline" },
        "roots/list" => new JsonObject { ["roots"] = new JsonArray(new JsonObject { ["uri"] = "file:///tmp/gatehouse-roots", ["name"] = "roots" }) },
        _ => new JsonObject(),
    };

    /// <summary>A value for every required property: a word, a small number, or false.</summary>
    private static JsonObject FromSchema(JsonObject? schema)
    {
        var arguments = new JsonObject();
        var properties = schema?["properties"] as JsonObject;
        foreach (var required in schema?["required"] as JsonArray ?? [])
        {
            var name = (string)required!;
            var property = properties?[name];
            arguments[name] = property?["enum"] is JsonArray choices ? choices[0]!.DeepClone() : ((string?)property?["type"]) switch
            {
                "number" or "integer" => 2,
                "boolean" => false,
                _ => "hello",
            };
        }

        return arguments;
    }
}
