using Gatehouse.TestUpstream.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// MCP9005: logging is deprecated from 2026-07-28 on (SEP-2577); see ClientLog.
#pragma warning disable MCP9005

namespace Gatehouse.TestUpstream.Resources;

/// <summary>
/// Logs <c>listing resources</c> at info on every <c>resources/list</c> (as the session's or the request's level admits),
/// so a gateway can be seen to pass on the log messages of a request other than a call.
/// </summary>
internal static class LoggedResourceList
{
    public const string Message = "listing resources";

    public static McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> Filter(McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> next) =>
        async (context, cancellationToken) =>
        {
            await ClientLog.SendAsync(context.Server, context.JsonRpcRequest, LoggingLevel.Info, "resources", Message, cancellationToken);
            return await next(context, cancellationToken);
        };
}
