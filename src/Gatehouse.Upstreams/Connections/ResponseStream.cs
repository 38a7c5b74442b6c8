using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gatehouse.Upstreams;

/// <summary>
/// Reads the answer to one Streamable HTTP POST: a JSON body, or a <c>text/event-stream</c> whose events are JSON-RPC
/// messages. Notifications met on the stream go to a callback in order; the response to the request (by id) ends the read.
/// </summary>
public static class ResponseStream
{
    /// <summary>The JSON-RPC response to <paramref name="id"/>, or null if the stream ended without one.</summary>
    /// <exception cref="JsonException">A message is not JSON.</exception>
    public static async Task<JsonObject?> ReadAsync(Stream body, bool eventStream, string id, Func<JsonObject, ValueTask> onNotification, CancellationToken cancellationToken)
    {
        if (!eventStream)
        {
            var node = await JsonNode.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return node as JsonObject is { } single && IsResponseTo(single, id) ? single : null;
        }

        using var reader = new StreamReader(body, Encoding.UTF8);
        var data = new StringBuilder();
        while (true)
        {
            // The stream's end ends its last event too, blank line or not.
            var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null && data.Length == 0)
            {
                return null;
            }

            if (line is { Length: > 0 })
            {
                // Only data lines make up a message; event names, ids, retry hints and comments do not.
                if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(data.Length > 0 ? "\n" : string.Empty).Append(line.AsSpan(line.Length > 5 && line[5] == ' ' ? 6 : 5));
                }

                continue;
            }

            if (data.Length == 0)
            {
                continue;
            }

            var message = JsonNode.Parse(data.ToString()) as JsonObject;
            data.Clear();
            if (message is null)
            {
                continue;
            }

            if (IsResponseTo(message, id))
            {
                return message;
            }

            if (message["method"] is not null && message["id"] is null)
            {
                await onNotification(message).ConfigureAwait(false);
            }
        }
    }

    private static bool IsResponseTo(JsonObject message, string id) =>
        message["method"] is null && message["id"] is JsonValue value && value.TryGetValue<string>(out var text) && text == id;
}
