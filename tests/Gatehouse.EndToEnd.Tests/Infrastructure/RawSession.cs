using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A Streamable HTTP MCP session by hand (protocol 2025-11-25), for what SDK clients hide: the exact
/// text of each message, answers to the server's requests chosen by the test, and bodies no SDK would
/// send. Works the same against an upstream directly and through Gatehouse.
/// </summary>
internal sealed class RawSession : IAsyncDisposable
{
    /// <summary>What a raw session declares it can do: everything a server may ask of a client.</summary>
    public static readonly JsonObject AllCapabilities = new()
    {
        ["sampling"] = new JsonObject(),
        ["elicitation"] = new JsonObject { ["form"] = new JsonObject(), ["url"] = new JsonObject() },
        ["roots"] = new JsonObject { ["listChanged"] = true },
    };

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };
    private readonly Uri _endpoint;
    private readonly string? _token;
    private int _nextId;

    private RawSession(Uri endpoint, string? token)
    {
        _endpoint = endpoint;
        _token = token;
    }

    public string? SessionId { get; private set; }

    /// <summary>Opens a session: <c>initialize</c> with <paramref name="capabilities"/>, then <c>notifications/initialized</c>.</summary>
    public static async Task<RawSession> OpenAsync(Uri endpoint, string? token, JsonObject? capabilities = null)
    {
        var session = new RawSession(endpoint, token);
        var initialize = await session.RequestAsync("initialize", new JsonObject
        {
            ["protocolVersion"] = "2025-11-25",
            ["capabilities"] = (capabilities ?? AllCapabilities).DeepClone(),
            ["clientInfo"] = new JsonObject { ["name"] = "raw-session", ["version"] = "1.0.0" },
        });
        if (initialize.Error is not null)
        {
            throw new InvalidOperationException($"initialize failed: {initialize.Text}");
        }

        using var initialized = await session.PostAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        await initialized.EnsureAcceptedAsync();
        return session;
    }

    /// <summary>Sends a request and reads its answer, answering every server request on the way with <paramref name="answer"/> (by default an error).</summary>
    public async Task<RawResponse> RequestAsync(string method, JsonObject? parameters, Func<JsonObject, JsonNode>? answer = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        using var response = await PostAsync(message.ToJsonString());
        if (response.Headers.TryGetValues("Mcp-Session-Id", out var ids))
        {
            SessionId ??= ids.Single();
        }

        var notifications = new List<JsonObject>();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType == "application/json")
        {
            var text = await response.Content.ReadAsStringAsync();
            return new RawResponse((int)response.StatusCode, text, notifications);
        }

        if (mediaType != "text/event-stream")
        {
            return new RawResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(), notifications);
        }

        await foreach (var data in ReadEventsAsync(response))
        {
            var received = JsonNode.Parse(data)!.AsObject();
            if (received["method"] is not null && received["id"] is { } requestId)
            {
                var reply = answer?.Invoke(received);
                var replyMessage = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone() };
                replyMessage[reply is null ? "error" : "result"] = reply ?? new JsonObject { ["code"] = -32601, ["message"] = "This client answers nothing." };
                using var replied = await PostAsync(replyMessage.ToJsonString());
                await replied.EnsureAcceptedAsync();
            }
            else if (received["method"] is not null)
            {
                notifications.Add(received);
            }
            else if (received["id"] is JsonValue answered && answered.ToJsonString() == id.ToString(CultureInfo.InvariantCulture))
            {
                return new RawResponse((int)response.StatusCode, data, notifications);
            }
        }

        throw new InvalidOperationException($"The stream of {method} ended without its answer.");
    }

    /// <summary>POSTs <paramref name="body"/> as it is, with this session's id once it has one.</summary>
    public Task<HttpResponseMessage> PostAsync(string body, bool withSession = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        if (withSession && SessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", SessionId);
            request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        }

        return _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public async ValueTask DisposeAsync()
    {
        if (SessionId is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, _endpoint);
            request.Headers.Add("Mcp-Session-Id", SessionId);
            if (_token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            }

            try
            {
                using var _ = await _http.SendAsync(request);
            }
            catch (HttpRequestException)
            {
                // The server is gone already.
            }
        }

        _http.Dispose();
    }

    private static async IAsyncEnumerable<string> ReadEventsAsync(HttpResponseMessage response)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var data = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(data.Length > 0 ? "\n" : string.Empty).Append(line.AsSpan(line.StartsWith("data: ", StringComparison.Ordinal) ? 6 : 5));
            }
            else if (line.Length == 0 && data.Length > 0)
            {
                yield return data.ToString();
                data.Clear();
            }
        }
    }
}

/// <summary>One answer read by a <see cref="RawSession"/>: the HTTP status and the JSON-RPC message's exact text.</summary>
internal sealed record RawResponse(int Status, string Text, IReadOnlyList<JsonObject> Notifications)
{
    public JsonObject Message => JsonNode.Parse(Text)!.AsObject();

    /// <summary>
    /// The <c>result</c> member's text as its sender wrote it, but for how string characters are escaped
    /// (which JSON leaves to each writer): members in their order, numbers in their own form, strings
    /// with every character as sent. Null when there is none.
    /// </summary>
    public string? ResultJson
    {
        get
        {
            using var document = JsonDocument.Parse(Text);
            if (!document.RootElement.TryGetProperty("result", out var result))
            {
                return null;
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                result.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    public JsonObject? Error => Message["error"] as JsonObject;
}
