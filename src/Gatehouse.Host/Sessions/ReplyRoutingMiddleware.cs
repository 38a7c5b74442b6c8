using System.Text.Json;
using Gatehouse.Grains.Replies;

namespace Gatehouse.Host.Sessions;

/// <summary>
/// Catches an agent's answer to a request another replica sent it (sampling, elicitation, roots) and
/// carries it there through a reply grain; answers to this replica's requests, and everything else,
/// go on to the MCP transport.
/// </summary>
internal sealed class ReplyRoutingMiddleware(RequestDelegate next, ReplyIds ids, IGrainFactory grains)
{
    /// <summary>Answers carry results the size of an LLM completion at most; bigger bodies are not inspected.</summary>
    private const int MaxInspectedBytes = 4 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.ContentLength is > MaxInspectedBytes)
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        var body = await BinaryData.FromStreamAsync(context.Request.Body, context.RequestAborted);
        context.Request.Body.Position = 0;
        if (ForeignResponseId(body) is { } id)
        {
            await grains.GetGrain<IReplyGrain>(id).DeliverAsync(body.ToString());
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        // A cancellation may name a request served by another replica: tell whichever serves it. (If it
        // is served here, the MCP transport cancels it too; the signal is then simply not waited for.)
        if (CancelledRequestId(body) is { } requestId && context.Request.Headers[Front.McpRouteGuardMiddleware.SessionIdHeader].ToString() is { Length: > 0 } sessionId)
        {
            await grains.GetGrain<ICancellationGrain>(CancellationKey(sessionId, requestId)).CancelAsync();
        }

        await next(context);
    }

    /// <summary>The key of the cancellation signal of one agent request.</summary>
    public static string CancellationKey(string sessionId, string requestId) => $"{sessionId}/{requestId}";

    /// <summary>The request id a <c>notifications/cancelled</c> names, as text, or null.</summary>
    private static string? CancelledRequestId(BinaryData body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("method", out var method) && method.ValueEquals("notifications/cancelled")
                && root.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("requestId", out var id)
                ? id.ToString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The id of a JSON-RPC response to another replica's request, or null.</summary>
    private string? ForeignResponseId(BinaryData body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && !root.TryGetProperty("method", out _)
                && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _))
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { } text && ids.IsForeign(text)
                ? text
                : null;
        }
        catch (JsonException)
        {
            // Not JSON: the MCP transport answers malformed bodies itself.
            return null;
        }
    }
}
