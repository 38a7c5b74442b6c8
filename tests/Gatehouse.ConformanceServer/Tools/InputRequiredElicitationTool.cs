using System.ComponentModel;
using Gatehouse.ConformanceServer.Mrtr;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>
/// An input-required result with one elicitation and no <c>requestState</c> (SEP-2322; scenarios
/// input-required-result-basic-elicitation, -result-type, -missing-input-response, -ignore-extra-params, -validate-input).
/// </summary>
[McpServerToolType]
internal sealed class InputRequiredElicitationTool
{
    public const string Key = "user_name";

    private const string Field = "name";

    [McpServerTool(Name = "test_input_required_result_elicitation"), Description("Asks the user's name with an input-required result (elicitation, key user_name) and greets them when called again with the answer.")]
    public static string Greet(RequestContext<CallToolRequestParams> context)
    {
        // Without an answer under the key (none yet, or only keys this tool did not ask for) the question is asked
        // again; other keys are ignored.
        if (InputAnswers.Elicitation(context, Key) is { } answer)
        {
            if (!answer.IsAccepted)
            {
                return $"No name given (action={answer.Action}).";
            }

            if (InputAnswers.Text(answer, Field) is { } name)
            {
                return $"Hello, {name}!";
            }
        }

        throw InputRequired.Ask(context, Key, AskName());
    }

    /// <summary>The question, also asked by <see cref="InputRequiredMultipleInputsTool"/>.</summary>
    public static InputRequest AskName() =>
        InputRequired.Elicit("What is your name?", Field, new ElicitRequestParams.StringSchema());
}
