using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Upstreams;

/// <summary>
/// Sends one request to an HTTP upstream over the 2026-07-28 wire, which has no sessions: one POST carrying the
/// revision's headers (<c>MCP-Protocol-Version</c>, <c>Mcp-Method</c>, <c>Mcp-Name</c>), the params as given (their
/// <c>_meta</c> holds the agent's protocol fields), and the answer read from the POST's own response, JSON or an event
/// stream whose notifications (progress, log messages) are passed on in order. The upstream's named HTTP client is used,
/// so its credentials, the end user's token where one is exchanged, and its circuit breaker apply as on any request.
/// </summary>
public sealed class StatelessUpstreamClient(IHttpClientFactory httpClients, ILogger<StatelessUpstreamClient> logger)
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");

    /// <summary>The result of <paramref name="method"/> as the upstream sent it.</summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public async Task<JsonNode?> SendAsync(
        string upstream, UpstreamOptions options, string method, JsonObject? parameters, Func<JsonObject, ValueTask> onNotification, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var id = "gh-" + Guid.NewGuid().ToString("N");
        try
        {
            using var request = Request(options, id, method, parameters);
            using var response = await httpClients.CreateClient(UpstreamTransportFactory.HttpClientName(upstream))
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var eventStream = response.Content.Headers.ContentType?.MediaType == EventStream.MediaType;
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            JsonObject? answer;
            try
            {
                answer = response.Content.Headers.ContentLength == 0
                    ? null
                    : await ResponseStream.ReadAsync(body, eventStream, id, onNotification, timeout.Token).ConfigureAwait(false);
            }
            catch (JsonException) when (!response.IsSuccessStatusCode)
            {
                answer = null;
            }

            if (answer?["error"] is JsonObject error)
            {
                throw ErrorOf(upstream, error);
            }

            if (!response.IsSuccessStatusCode || answer is null)
            {
                UpstreamLog.RequestFailed(logger, upstream, method, $"HTTP {(int)response.StatusCode}");
                throw new UpstreamException(
                    response.StatusCode >= HttpStatusCode.InternalServerError ? UpstreamFrameKind.Unreachable : UpstreamFrameKind.Broken,
                    upstream,
                    response.IsSuccessStatusCode
                        ? $"Upstream '{upstream}' ended its answer to {method} without a result."
                        : $"Upstream '{upstream}' answered {method} with HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            return answer["result"];
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamException(UpstreamFrameKind.TimedOut, upstream, $"Upstream '{upstream}' did not answer {method} within {options.TimeoutSeconds} s.");
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException or JsonException or IOException)
        {
            UpstreamLog.RequestFailed(logger, upstream, method, ex.GetType().Name);
            var kind = ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } or Polly.CircuitBreaker.BrokenCircuitException
                ? UpstreamFrameKind.Unreachable
                : UpstreamFrameKind.Broken;
            throw new UpstreamException(kind, upstream, $"Upstream '{upstream}' failed during {method}: {TransportFailures.Describe(ex)}");
        }
    }

    /// <summary>
    /// Holds a <c>subscriptions/listen</c> open upstream until <paramref name="cancellationToken"/> ends it (or the upstream
    /// ends its stream), passing each notification on the stream to <paramref name="onNotification"/> in order; no time
    /// limit but the connect timeout for the upstream's first answer.
    /// </summary>
    /// <exception cref="UpstreamException">The upstream refused the listen (an error, or an HTTP status other than success), or could not be reached.</exception>
    public async Task ListenAsync(string upstream, UpstreamOptions options, JsonObject parameters, Func<JsonObject, ValueTask> onNotification, CancellationToken cancellationToken)
    {
        const string method = "subscriptions/listen";
        var id = "gh-" + Guid.NewGuid().ToString("N");
        try
        {
            using var request = Request(options, id, method, parameters);
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connect.CancelAfter(TimeSpan.FromSeconds(options.ConnectTimeoutSeconds));
            using var response = await httpClients.CreateClient(UpstreamTransportFactory.HttpClientName(upstream))
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, connect.Token).ConfigureAwait(false);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var eventStream = response.Content.Headers.ContentType?.MediaType == EventStream.MediaType;
            var answer = await ResponseStream.ReadAsync(body, eventStream, id, onNotification, cancellationToken).ConfigureAwait(false);
            if (answer?["error"] is JsonObject error)
            {
                throw ErrorOf(upstream, error);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new UpstreamException(UpstreamFrameKind.Broken, upstream, $"Upstream '{upstream}' answered {method} with HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException or JsonException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            UpstreamLog.RequestFailed(logger, upstream, method, ex.GetType().Name);
            throw new UpstreamException(UpstreamFrameKind.Unreachable, upstream, $"Upstream '{upstream}' failed during {method}: {TransportFailures.Describe(ex)}");
        }
    }

    /// <summary>The upstream's JSON-RPC error as it sent it: code, message and data.</summary>
    private static UpstreamException ErrorOf(string upstream, JsonObject error) => new(
        UpstreamFrameKind.Error,
        upstream,
        (string?)error["message"] ?? string.Empty,
        error["code"] is JsonValue code && code.TryGetValue<int>(out var number) ? number : (int)ModelContextProtocol.McpErrorCode.InternalError,
        error["data"]?.ToJsonString());

    private static HttpRequestMessage Request(UpstreamOptions options, string id, string method, JsonObject? parameters)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = new ByteArrayContent(Message(id, method, parameters)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json", "utf-8") } },
        };
        request.Headers.Accept.Add(Json);
        request.Headers.Accept.Add(EventStream);
        request.Headers.Add("MCP-Protocol-Version", UpstreamDefaults.StatelessProtocolVersion);
        request.Headers.Add("Mcp-Method", method);
        if (RoutingName(method, parameters) is { } name && McpHeaderEncoder.EncodeValue(name) is { } encoded)
        {
            request.Headers.Add("Mcp-Name", encoded);
        }

        foreach (var (header, value) in UpstreamCredentials.Headers(options))
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        return request;
    }

    /// <summary>The JSON-RPC request, written straight from the params (which stay the caller's: no copy of them is made).</summary>
    private static byte[] Message(string id, string method, JsonObject? parameters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("id", id);
            writer.WriteString("method", method);
            if (parameters is not null)
            {
                writer.WritePropertyName("params");
                parameters.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>What the revision's <c>Mcp-Name</c> header names for a method: a tool's or prompt's name, a resource's URI.</summary>
    private static string? RoutingName(string method, JsonObject? parameters)
    {
        var name = method switch
        {
            RequestMethods.ToolsCall or RequestMethods.PromptsGet => parameters?["name"],
            RequestMethods.ResourcesRead => parameters?["uri"],
            _ => null,
        };
        return name is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
