using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

/// <summary>
/// A tool written the 2026-07-28 way: it asks the client to confirm with a multi-round-trip request
/// (<see cref="InputRequiredException"/>) and reads the answer from the call made again. A client on a 2025 session gets
/// the question as an <c>elicitation/create</c> request (the SDK translates it); a 2026 client as <c>input_required</c>.
/// </summary>
[McpServerToolType]
internal sealed class ConfirmTool
{
    private const string Key = "confirm";

    [McpServerTool(Name = "confirm"), Description("Asks the client to confirm the action (multi-round-trip elicitation); returns 'confirmed: {action}' or 'not confirmed: {action}'.")]
    public static string Confirm(McpServer server, RequestContext<CallToolRequestParams> context, [Description("What to confirm.")] string action)
    {
        if (context.Params?.InputResponses is { } responses && responses.TryGetValue(Key, out var response))
        {
            var answer = response.Deserialize(InputResponse.ElicitResultJsonTypeInfo);
            return answer?.Action == "accept" ? $"confirmed: {action}" : $"not confirmed: {action}";
        }

        if (!server.IsMrtrSupported)
        {
            return "cannot ask: this client takes no multi-round-trip requests";
        }

        throw new InputRequiredException(
            inputRequests: new Dictionary<string, InputRequest>
            {
                [Key] = InputRequest.ForElicitation(new ElicitRequestParams
                {
                    Message = $"Confirm {action}?",
                    RequestedSchema = new() { Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition> { ["ok"] = new ElicitRequestParams.BooleanSchema() } },
                }),
            },
            requestState: "confirming");
    }
}
