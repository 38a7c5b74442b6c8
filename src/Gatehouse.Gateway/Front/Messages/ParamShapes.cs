using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Front.Messages;

/// <summary>
/// The shape of the params of each request Gatehouse acts on, checked before anything acts on it:
/// a request whose params have the wrong shape is refused with <c>-32602</c> naming the member.
/// </summary>
internal static class ParamShapes
{
    /// <exception cref="McpProtocolException">The params do not have the shape the method needs.</exception>
    public static void Check(JsonRpcRequest request)
    {
        var parameters = request.Params as JsonObject;
        if (request.Params is not null && parameters is null)
        {
            throw Invalid(request.Method, "params", "an object");
        }

        Optional(request.Method, parameters, "_meta", JsonValueKind.Object);
        switch (request.Method)
        {
            case RequestMethods.ToolsCall:
            case RequestMethods.PromptsGet:
                Required(request.Method, parameters, "name", JsonValueKind.String);
                Optional(request.Method, parameters, "arguments", JsonValueKind.Object);
                Optional(request.Method, parameters, "task", JsonValueKind.Object);
                break;
            case Tasks.TaskCapability.GetMethod:
            case Tasks.TaskCapability.ResultMethod:
            case Tasks.TaskCapability.CancelMethod:
                Required(request.Method, parameters, "taskId", JsonValueKind.String);
                break;
            case Tasks.TaskCapability.ListMethod:
                Optional(request.Method, parameters, "cursor", JsonValueKind.String);
                break;
            case RequestMethods.ResourcesRead:
            case RequestMethods.ResourcesSubscribe:
            case RequestMethods.ResourcesUnsubscribe:
                Required(request.Method, parameters, "uri", JsonValueKind.String);
                break;
            case RequestMethods.ToolsList:
            case RequestMethods.PromptsList:
            case RequestMethods.ResourcesList:
            case RequestMethods.ResourcesTemplatesList:
                Optional(request.Method, parameters, "cursor", JsonValueKind.String);
                break;
            case RequestMethods.CompletionComplete:
                Required(request.Method, parameters, "ref", JsonValueKind.Object);
                Required(request.Method, parameters, "argument", JsonValueKind.Object);
                break;
            case RequestMethods.LoggingSetLevel:
                Required(request.Method, parameters, "level", JsonValueKind.String);
                break;
        }
    }

    /// <summary>A string member that <see cref="Check"/> has already found present.</summary>
    public static string String(JsonRpcRequest request, string member) => request.Params![member]!.GetValue<string>();

    private static void Required(string method, JsonObject? parameters, string member, JsonValueKind kind)
    {
        if (parameters?[member] is not { } value)
        {
            throw new McpProtocolException($"{method} needs params.{member} ({Name(kind)}).", McpErrorCode.InvalidParams);
        }

        if (value.GetValueKind() != kind)
        {
            throw Invalid(method, $"params.{member}", Name(kind));
        }
    }

    private static void Optional(string method, JsonObject? parameters, string member, JsonValueKind kind)
    {
        if (parameters?[member] is { } value && value.GetValueKind() != kind)
        {
            throw Invalid(method, $"params.{member}", Name(kind));
        }
    }

    private static McpProtocolException Invalid(string method, string path, string expected) =>
        new($"{method}: {path} must be {expected}.", McpErrorCode.InvalidParams);

    private static string Name(JsonValueKind kind) => kind == JsonValueKind.Object ? "an object" : "a string";
}
