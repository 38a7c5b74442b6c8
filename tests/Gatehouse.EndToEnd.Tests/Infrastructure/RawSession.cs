using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
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

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string? _token;
    private readonly CancellationTokenSource _closing = new();
    private Task? _listening;
    private int _nextId;

    private RawSession(Uri endpoint, string? token, HttpMessageHandler? handler)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = TimeSpan.FromMinutes(5);
        _endpoint = endpoint;
        _token = token;
    }

    public string? SessionId { get; private set; }

    /// <summary>The answer to the session's <c>initialize</c>.</summary>
    public RawResponse Initialized { get; private set; } = null!;

    /// <summary>
    /// Opens a session: <c>initialize</c> with <paramref name="capabilities"/>, then <c>notifications/initialized</c>.
    /// Its HTTP requests go through <paramref name="handler"/> when one is given (a <see cref="RoundRobinHandler"/>,
    /// say; the session disposes it), else straight to <paramref name="endpoint"/>.
    /// </summary>
    public static async Task<RawSession> OpenAsync(Uri endpoint, string? token, JsonObject? capabilities = null, HttpMessageHandler? handler = null)
    {
        var session = new RawSession(endpoint, token, handler);
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

        session.Initialized = initialize;

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
            if (received["method"] is not null && received["id"] is not null)
            {
                await ReplyAsync(received, answer);
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

    /// <summary>
    /// Opens the session's own stream (a GET) and answers every server request that arrives on it with
    /// <paramref name="answer"/> until the session is disposed: the requests a server sends outside any call,
    /// as server-everything's <c>roots/list</c>. Returns once the server has accepted the stream.
    /// </summary>
    public async Task ListenAsync(Func<JsonObject, JsonNode> answer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _endpoint);
        request.Headers.Accept.ParseAdd("text/event-stream");
        Authorize(request, withSession: true);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _closing.Token);
        try
        {
            await response.EnsureAcceptedAsync();
        }
        catch
        {
            response.Dispose();
            throw;
        }

        _listening = AnswerAsync(response, answer);
    }

    /// <summary>POSTs <paramref name="body"/> as it is, with this session's id once it has one.</summary>
    public Task<HttpResponseMessage> PostAsync(string body, bool withSession = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        Authorize(request, withSession);
        return _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>Closes the session (DELETE); a failure of the stream opened by <see cref="ListenAsync"/> surfaces here.</summary>
    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            await (_listening ?? Task.CompletedTask);
        }
        finally
        {
            await CloseAsync();
        }
    }

    private async Task CloseAsync()
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
        _closing.Dispose();
    }

    private void Authorize(HttpRequestMessage request, bool withSession)
    {
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        if (withSession && SessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", SessionId);
            request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        }
    }

    /// <summary>Answers one request of the server's with <paramref name="answer"/>'s result, or with an error when there is none.</summary>
    private async Task ReplyAsync(JsonObject request, Func<JsonObject, JsonNode>? answer)
    {
        var reply = answer?.Invoke(request);
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]!.DeepClone() };
        message[reply is null ? "error" : "result"] = reply ?? new JsonObject { ["code"] = -32601, ["message"] = "This client answers nothing." };
        using var replied = await PostAsync(message.ToJsonString());
        await replied.EnsureAcceptedAsync();
    }

    /// <summary>Reads the session's own stream until the session closes it, answering the server's requests.</summary>
    private async Task AnswerAsync(HttpResponseMessage response, Func<JsonObject, JsonNode> answer)
    {
        using var _ = response;
        try
        {
            await foreach (var data in ReadEventsAsync(response, _closing.Token))
            {
                var received = JsonNode.Parse(data)!.AsObject();
                if (received["method"] is not null && received["id"] is not null)
                {
                    await ReplyAsync(received, answer);
                }
            }
        }
        catch (Exception ex) when (_closing.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // The session closed its own stream.
        }
    }

    private static async IAsyncEnumerable<string> ReadEventsAsync(HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
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
