using System.Text.Json.Nodes;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Auth.OAuth;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front;

/// <summary>
/// Takes the requests an endpoint forwards out of the MCP server's typed handlers: their params are
/// checked (<see cref="Messages.ParamShapes"/>), the route answers with the upstream's result as a
/// JSON tree, and that tree is the response, so no result goes through the SDK's typed objects and
/// every field an upstream sends reaches the agent, known to the SDK or not. Other messages
/// (initialize, ping, notifications) go on to the MCP server.
/// </summary>
internal sealed partial class ForwardingFilter(ILogger<ForwardingFilter> logger)
{
    /// <summary>The methods an endpoint forwards, when the upstream (or one of the aggregate's) offers their capability.</summary>
    public static IReadOnlySet<string> MethodsFor(ServerCapabilities capabilities)
    {
        var methods = new HashSet<string>(StringComparer.Ordinal);
        if (capabilities.Tools is not null)
        {
            methods.UnionWith([RequestMethods.ToolsList, RequestMethods.ToolsCall]);
        }

        if (capabilities.Resources is not null)
        {
            methods.UnionWith([RequestMethods.ResourcesList, RequestMethods.ResourcesTemplatesList, RequestMethods.ResourcesRead]);
            if (capabilities.Resources.Subscribe == true)
            {
                methods.UnionWith([RequestMethods.ResourcesSubscribe, RequestMethods.ResourcesUnsubscribe]);
            }
        }

        if (capabilities.Prompts is not null)
        {
            methods.UnionWith([RequestMethods.PromptsList, RequestMethods.PromptsGet]);
        }

        if (capabilities.Completions is not null)
        {
            methods.Add(RequestMethods.CompletionComplete);
        }

        if (capabilities.Logging is not null)
        {
            methods.Add(RequestMethods.LoggingSetLevel);
        }

        return methods;
    }

    public McpMessageFilter For(IMcpRoute route, IReadOnlySet<string> methods) => next => async (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is not JsonRpcRequest request || !methods.Contains(request.Method))
        {
            await next(context, cancellationToken);
            return;
        }

        Messages.ParamShapes.Check(request);
        var july2026 = AgentRevision.IsJuly2026OrLater(request, context.Server);
        try
        {
            using var agentToken = AgentAccessToken.Token.Use(context.User.AccessToken());
            var result = await route.HandleAsync(request, context.Server, context.User, cancellationToken);
            if (july2026)
            {
                RequiredResultFields.Add(request.Method, result);
            }

            // The server bound to this request's transport puts the response on the request's own stream.
            await context.Server.SendMessageAsync(new JsonRpcResponse { Id = request.Id, Result = result }, cancellationToken);
        }
        catch (McpProtocolException ex) when (july2026 && RequiredResultFields.ErrorFor(ex) is { } error)
        {
            throw error;
        }
        catch (Exception ex) when (ex is not McpProtocolException and not OperationCanceledException)
        {
            // The agent is told only that the gateway failed; the operator learns why.
            Log.RequestFailed(logger, request.Method, ex);
            throw new McpProtocolException($"Gatehouse failed while handling {request.Method}; the failure is in its log.", McpErrorCode.InternalError);
        }
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1210, Level = LogLevel.Error, Message = "Gatehouse failed while handling {Method}")]
        public static partial void RequestFailed(ILogger logger, string method, Exception exception);
    }
}
