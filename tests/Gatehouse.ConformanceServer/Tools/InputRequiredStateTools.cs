using System.ComponentModel;
using System.Text.Json;
using Gatehouse.ConformanceServer.Mrtr;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>
/// Input-required results with a signed <c>requestState</c> that the retry must echo unchanged (SEP-2322; scenarios
/// input-required-result-request-state and input-required-result-tampered-state).
/// </summary>
/// <remarks>
/// A retry whose state does not verify gets a JSON-RPC error <c>-32602</c>; one that brings the answer but no state
/// is asked again, with a new state.
/// </remarks>
[McpServerToolType]
internal sealed class InputRequiredStateTools
{
    public const string Key = "confirm";

    private const string RequestStateTool = "test_input_required_result_request_state";

    private const string TamperedStateTool = "test_input_required_result_tampered_state";

    private const string Field = "ok";

    [McpServerTool(Name = RequestStateTool), Description("Asks for a confirmation (elicitation, key confirm) with a signed requestState; when called again with the answer and that state unchanged, answers 'state-ok'.")]
    public static string RequestState(RequestContext<CallToolRequestParams> context) => Confirm(context, RequestStateTool);

    [McpServerTool(Name = TamperedStateTool), Description("Asks for a confirmation (elicitation, key confirm) with a signed requestState; a retry whose requestState was changed gets a JSON-RPC error -32602.")]
    public static string TamperedState(RequestContext<CallToolRequestParams> context) => Confirm(context, TamperedStateTool);

    private static string Confirm(RequestContext<CallToolRequestParams> context, string tool)
    {
        var state = Mrtr.RequestState.Read(context.Params?.RequestState, tool);
        if (state is not null && InputAnswers.Elicitation(context, Key) is { } answer)
        {
            var confirmed = answer.IsAccepted && answer.Content is { } content && content.TryGetValue(Field, out var ok)
                && ok.ValueKind == JsonValueKind.True;
            return $"state-ok: the requestState verified; confirmed={(confirmed ? "true" : "false")} (action={answer.Action}).";
        }

        throw InputRequired.Ask(
            context,
            Key,
            InputRequired.Elicit("Please confirm", Field, new ElicitRequestParams.BooleanSchema()),
            Mrtr.RequestState.Issue(tool, round: 1));
    }
}
