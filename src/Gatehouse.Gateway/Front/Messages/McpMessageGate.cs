using System.Text;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Sessions;
using Gatehouse.Grains.Replies;

namespace Gatehouse.Gateway.Front.Messages;

/// <summary>
/// The one reading of every message an agent POSTs, before the MCP transport or policy sees it (see
/// <see cref="MessageInspector"/>): a message that is not one well-formed JSON-RPC message is refused
/// with 400 and the reason; an answer to a request Gatehouse sent is taken here, and only from the
/// session and grant it was sent to; a cancellation is signalled cluster-wide. Everything else goes
/// on, byte for byte as it came.
/// </summary>
internal sealed class McpMessageGate(RequestDelegate next, AgentRequests requests, IGrainFactory grains)
{
    private const string MethodHeader = "Mcp-Method";
    private const string NameHeader = "Mcp-Name";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await next(context);
            return;
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(context.Request);
        }
        catch (BadHttpRequestException ex)
        {
            await JsonRpcErrors.WriteAsync(context, ex.StatusCode, null, new MessageFault(MessageFault.InvalidRequest, $"The request body could not be read: {ex.Message}"));
            return;
        }

        var message = MessageInspector.Inspect(body);
        if (message.Fault is { } fault)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, message.Id, fault);
            return;
        }

        if (MisnamedTask(context.Request, message) is { } misnamed)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, message.Id, misnamed);
            return;
        }

        var sessionId = context.Request.Headers[McpRouteGuardMiddleware.SessionIdHeader].ToString();
        if (message.Kind == MessageKind.Response)
        {
            await TakeAnswerAsync(context, message, sessionId, body);
            return;
        }

        // A cancellation may name a request served by another replica: tell whichever serves it. (If it
        // is served here, the MCP transport cancels it too; the signal is then simply not waited for.)
        if (message.CancelledRequestId is { } cancelled && sessionId.Length > 0)
        {
            await grains.GetGrain<Grains.Replies.ICancellationGrain>(CancellationWatcher.KeyOf(sessionId, cancelled)).CancelAsync();
        }

        context.Request.Body = new MemoryStream(body, writable: false);
        await next(context);
    }

    /// <summary>
    /// A 2026-07-28 request (no session; it names its method in <c>Mcp-Method</c>) of the tasks extension must name its
    /// task in <c>Mcp-Name</c>, so intermediaries can route it; the SDK checks the header only for the methods it knows.
    /// A 2025 session's request is not held to it: the C# SDK client sends <c>Mcp-Method</c> there too, without a name.
    /// </summary>
    private static MessageFault? MisnamedTask(HttpRequest request, InspectedMessage message)
    {
        if (message.Method is not (Tasks.TaskCapability.GetMethod or Tasks.TaskCapability.CancelMethod or Tasks.TaskExtension.UpdateMethod)
            || request.Headers.ContainsKey(McpRouteGuardMiddleware.SessionIdHeader)
            || !request.Headers.ContainsKey(MethodHeader))
        {
            return null;
        }

        var named = Decoded(request.Headers[NameHeader].ToString().Trim());
        return named == message.TaskId
            ? null
            : new MessageFault(MessageFault.InvalidRequest, $"Header mismatch: the Mcp-Name header of {message.Method} must be its params.taskId ('{message.TaskId}'), not '{named}'.");
    }

    /// <summary>A header value as sent, or decoded when it is Base64 in the revision's wrapper (<c>=?base64?…?=</c>, for text beyond ASCII).</summary>
    private static string? Decoded(string value)
    {
        const string Prefix = "=?base64?";
        const string Suffix = "?=";
        if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !value.EndsWith(Suffix, StringComparison.Ordinal) || value.Length < Prefix.Length + Suffix.Length)
        {
            return value;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value[Prefix.Length..^Suffix.Length]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task TakeAnswerAsync(HttpContext context, InspectedMessage message, string sessionId, byte[] body)
    {
        var taken = sessionId.Length > 0
            && message.Id is { IsString: true } id
            && await requests.DeliverAsync(id.Text, new ReplyAddress(sessionId, context.User.GrantId()), Encoding.UTF8.GetString(body));
        if (taken)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, null, new MessageFault(
            MessageFault.InvalidRequest,
            "This response answers no request that Gatehouse has outstanding on this session."));
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = request.ContentLength is { } length and <= int.MaxValue ? new MemoryStream((int)length) : new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }
}
