using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Hosting;

/// <summary>
/// Makes the server one of 2026-07-28 only (<c>--only-2026</c>): <c>initialize</c>, the 2025 revisions' handshake, is
/// answered <c>-32601</c> (method not found), as the revision has it for the methods it removed. Every other request is
/// served as the SDK serves a sessionless 2026-07-28 one.
/// </summary>
internal static class Only2026
{
    public static McpMessageHandler Filter(McpMessageHandler next) =>
        (context, cancellationToken) => context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.Initialize }
            ? throw new McpProtocolException("Method not found: initialize (this server speaks 2026-07-28 only).", McpErrorCode.MethodNotFound)
            : next(context, cancellationToken);
}
