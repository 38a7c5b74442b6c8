using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;

namespace Gatehouse.Upstreams;

/// <summary>
/// The <c>data</c> of an upstream's JSON-RPC error, both ways through the SDK, which carries an error's data object as
/// its exception's <see cref="Exception.Data"/>, one entry per member: read from the exception the SDK's client threw,
/// and put on the exception Gatehouse's server throws, so the agent gets the members the upstream sent.
/// </summary>
public static class ErrorData
{
    /// <summary>The error's data as JSON (an object), or null when it had none.</summary>
    public static string? Of(McpProtocolException exception)
    {
        var data = new JsonObject();
        foreach (DictionaryEntry entry in exception.Data)
        {
            if (entry.Key is string name)
            {
                data[name] = entry.Value is JsonElement element ? JsonNode.Parse(element.GetRawText()) : JsonValue.Create(entry.Value);
            }
        }

        return data.Count == 0 ? null : data.ToJsonString();
    }

    /// <summary>Puts the members of <paramref name="json"/> (an object) on <paramref name="exception"/>, for the SDK to send as its error's data.</summary>
    public static McpProtocolException With(this McpProtocolException exception, string? json)
    {
        if (json is not null && JsonNode.Parse(json) is JsonObject data)
        {
            foreach (var (name, value) in data)
            {
                exception.Data[name] = JsonSerializer.SerializeToElement(value);
            }
        }

        return exception;
    }
}
