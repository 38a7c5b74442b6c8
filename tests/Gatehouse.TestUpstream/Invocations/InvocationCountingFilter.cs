using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Invocations;

/// <summary>Counts every <c>tools/call</c> that reaches this server, by the tool name requested.</summary>
internal static class InvocationCountingFilter
{
    /// <summary>The tool that reports the counts is not counted, so reading them changes nothing.</summary>
    public const string ExcludedTool = "invocations";

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Create(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var name = context.Params?.Name;
            if (name is not null && name != ExcludedTool)
            {
                var services = context.Services ?? context.Server.Services
                    ?? throw new InvalidOperationException("The MCP server has no service provider.");
                services.GetRequiredService<InvocationCounter>().Record(name);
            }

            return await next(context, cancellationToken);
        };
}
