using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>
/// An agent that speaks Streamable HTTP by hand and carries its trace context only in the W3C
/// <c>traceparent</c> header, never in <c>_meta</c>, as agents whose tracing knows HTTP but not MCP do.
/// Its own HttpClient adds no trace headers, so the header the test sets is the one Gatehouse gets.
/// </summary>
internal sealed class HeaderOnlyAgent : IAsyncDisposable
{
    private const string ProtocolVersion = "2025-11-25";
    private const string SessionHeader = "Mcp-Session-Id";

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _sessionId;
    private int _lastId;

    private HeaderOnlyAgent(HttpClient http, Uri endpoint, string sessionId)
    {
        _http = http;
        _endpoint = endpoint;
        _sessionId = sessionId;
    }

    /// <summary>The Mcp-Session-Id Gatehouse gave this agent.</summary>
    public string SessionId => _sessionId;

    public static async Task<HeaderOnlyAgent> ConnectAsync(InProcessReplica replica, string upstream, string token)
    {
        // No propagator: the handler neither starts an HttpClient activity nor raises the diagnostic events on
        // which OpenTelemetry's HttpClient instrumentation, process-wide, would overwrite the test's traceparent.
        var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var endpoint = new Uri(replica.BaseUrl, $"/mcp/{upstream}");

        var initialize = Request(0, "initialize", new JsonObject
        {
            ["protocolVersion"] = ProtocolVersion,
            ["capabilities"] = new JsonObject(),
            ["clientInfo"] = new JsonObject { ["name"] = "header-only-agent", ["version"] = "1.0" },
        });
        using var response = await http.PostAsync(endpoint, Body(initialize));
        await ResultAsync(response, 0);
        var agent = new HeaderOnlyAgent(http, endpoint, response.Headers.GetValues(SessionHeader).Single());

        using var initialized = agent.Post(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" });
        using var accepted = await http.SendAsync(initialized);
        accepted.EnsureSuccessStatusCode();
        return agent;
    }

    /// <summary>Calls a tool with no arguments, sending <paramref name="traceparent"/> as the request's only trace context.</summary>
    public async Task<JsonNode> CallToolAsync(string tool, string traceparent)
    {
        var id = Interlocked.Increment(ref _lastId);
        using var request = Post(Request(id, "tools/call", new JsonObject { ["name"] = tool, ["arguments"] = new JsonObject() }));
        request.Headers.Add("traceparent", traceparent);
        using var response = await _http.SendAsync(request);
        return await ResultAsync(response, id);
    }

    public async ValueTask DisposeAsync()
    {
        using var close = new HttpRequestMessage(HttpMethod.Delete, _endpoint);
        close.Headers.Add(SessionHeader, _sessionId);
        using var closed = await _http.SendAsync(close);
        _http.Dispose();
    }

    private HttpRequestMessage Post(JsonObject message)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = Body(message) };
        request.Headers.Add(SessionHeader, _sessionId);
        request.Headers.Add("MCP-Protocol-Version", ProtocolVersion);
        return request;
    }

    private static JsonObject Request(int id, string method, JsonObject parameters) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };

    private static StringContent Body(JsonObject message) => new(message.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>The result of request <paramref name="id"/>, from a JSON body or from the SSE stream the POST answered with.</summary>
    private static async Task<JsonNode> ResultAsync(HttpResponseMessage response, int id)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        IEnumerable<string> messages = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? body.Split('\n').Where(line => line.StartsWith("data:", StringComparison.Ordinal)).Select(line => line["data:".Length..].Trim()).Where(data => data.Length > 0)
            : [body];
        foreach (var text in messages)
        {
            if (JsonNode.Parse(text) is { } message && message["id"] is JsonValue messageId && messageId.TryGetValue<int>(out var answered) && answered == id)
            {
                return message["result"] ?? throw new InvalidOperationException($"Request {id} failed: {text}");
            }
        }

        throw new InvalidOperationException($"No answer to request {id} in: {body}");
    }
}
