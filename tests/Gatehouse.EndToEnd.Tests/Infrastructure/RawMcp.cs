using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>Streamable HTTP by hand, for what SDK clients do not expose: cutting a stream and resuming it elsewhere.</summary>
internal static class RawMcp
{
    /// <summary>An <c>initialize</c> request of the 2025-11-25 revision.</summary>
    public const string InitializeBody =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    /// <summary>A POST of <paramref name="body"/>, with the bearer token when one is given and the session's headers when it has one.</summary>
    public static HttpRequestMessage Post(Uri endpoint, string? token, string body, string? sessionId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        Prepare(request, token, sessionId);
        return request;
    }

    public static HttpRequestMessage Get(Uri endpoint, string token, string sessionId, string lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        Prepare(request, token, sessionId);
        request.Headers.Add("Last-Event-ID", lastEventId);
        return request;
    }

    /// <summary>Opens a session on <paramref name="endpoint"/> (initialize, then initialized) and returns its id.</summary>
    public static async Task<string> OpenSessionAsync(HttpClient http, Uri endpoint, string token)
    {
        using var initialize = await http.SendAsync(Post(endpoint, token, InitializeBody, null));
        await initialize.EnsureStatusAsync(HttpStatusCode.OK);
        var sessionId = initialize.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = await http.SendAsync(Post(endpoint, token, """{"jsonrpc":"2.0","method":"notifications/initialized"}""", sessionId));
        await initialized.EnsureStatusAsync(HttpStatusCode.Accepted);
        return sessionId;
    }

    /// <summary>
    /// A 2026-07-28 request by hand (per-request <c>_meta</c>, <c>Mcp-Method</c> and <c>Mcp-Name</c> headers; no session): the
    /// JSON-RPC response, whether it came as JSON or on an SSE stream. For what an SDK client does by itself (calling again
    /// after <c>input_required</c>) or does not show (the raw result). The request declares <paramref name="capabilities"/>
    /// (none when null).
    /// </summary>
    public static async Task<JsonObject> RequestAsync2026(HttpClient http, Uri endpoint, string token, string method, JsonObject? parameters = null, JsonObject? capabilities = null) =>
        (await ExchangeAsync2026(http, endpoint, token, method, parameters, capabilities)).Response;

    /// <summary>
    /// A 2026-07-28 request by hand (see <see cref="RequestAsync2026"/>), with more <paramref name="meta"/> (a progress token, a
    /// log level): the notifications its stream carried before the response, in order, and the response.
    /// </summary>
    public static async Task<(List<JsonObject> Notifications, JsonObject Response)> ExchangeAsync2026(
        HttpClient http, Uri endpoint, string token, string method, JsonObject? parameters = null, JsonObject? capabilities = null, JsonObject? meta = null)
    {
        using var request = Post2026(endpoint, token, method, parameters, capabilities, meta);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            var events = await ReadEventsAsync(response, seen => seen.Any(e => IsResponse(e.Data)));
            var messages = events.Select(e => JsonNode.Parse(e.Data)!.AsObject()).ToList();
            return (messages.Where(m => !m.ContainsKey("id")).ToList(), messages.Last(m => m.ContainsKey("id")));
        }

        return ([], JsonNode.Parse(await response.EnsureStatusAsync(HttpStatusCode.OK))!.AsObject());
    }

    /// <summary>The POST of a 2026-07-28 request (see <see cref="RequestAsync2026"/>), for a test that reads its stream itself.</summary>
    public static HttpRequestMessage Post2026(Uri endpoint, string token, string method, JsonObject? parameters = null, JsonObject? capabilities = null, JsonObject? meta = null)
    {
        parameters = (JsonObject?)parameters?.DeepClone() ?? new JsonObject();
        var fields = (JsonObject?)meta?.DeepClone() ?? new JsonObject();
        fields["io.modelcontextprotocol/protocolVersion"] = "2026-07-28";
        fields["io.modelcontextprotocol/clientCapabilities"] = capabilities?.DeepClone() ?? new JsonObject();
        fields["io.modelcontextprotocol/clientInfo"] = new JsonObject { ["name"] = "raw-2026", ["version"] = "1" };
        parameters["_meta"] = fields;
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method, ["params"] = parameters };
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("MCP-Protocol-Version", "2026-07-28");
        request.Headers.Add("Mcp-Method", method);
        if ((parameters["name"] ?? parameters["uri"] ?? parameters["taskId"]) is JsonValue name)
        {
            request.Headers.Add("Mcp-Name", name.GetValue<string>());
        }

        return request;
    }

    private static bool IsResponse(string data) => JsonNode.Parse(data) is JsonObject message && message.ContainsKey("id");

    /// <summary>Reads SSE events (id and data) until <paramref name="enough"/> says stop or the stream ends.</summary>
    public static async Task<List<(string? Id, string Data)>> ReadEventsAsync(HttpResponseMessage response, Func<List<(string? Id, string Data)>, bool> enough)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            await response.EnsureStatusAsync(HttpStatusCode.OK);
        }

        var events = new List<(string? Id, string Data)>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? id = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line[5..].Trim());
            }
            else if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    events.Add((id, data.ToString()));
                    if (enough(events))
                    {
                        break;
                    }
                }

                data.Clear();
            }
        }

        return events;
    }

    private static void Prepare(HttpRequestMessage request, string? token, string? sessionId)
    {
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
            request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        }
    }
}
