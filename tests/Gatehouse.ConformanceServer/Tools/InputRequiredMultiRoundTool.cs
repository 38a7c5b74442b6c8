using System.ComponentModel;
using Gatehouse.ConformanceServer.Mrtr;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>
/// Two input-required rounds before the result, the <c>requestState</c> changing each round and carrying what the
/// first round learned (SEP-2322; scenario input-required-result-multi-round).
/// </summary>
[McpServerToolType]
internal sealed class InputRequiredMultiRoundTool
{
    public const string Step1Key = "step1";

    public const string Step2Key = "step2";

    private const string Name = "test_input_required_result_multi_round";

    private const string NameField = "name";

    private const string ColorField = "color";

    [McpServerTool(Name = Name), Description("Asks the user's name (key step1), then their favourite colour (key step2), with a new signed requestState each round; answers with both.")]
    public static string MultiRound(RequestContext<CallToolRequestParams> context)
    {
        // A declined or cancelled step ends the tool; an accepted one without its field is asked again.
        var state = RequestState.Read(context.Params?.RequestState, Name);
        if (state is { Round: 2 } && state.Values.TryGetValue(NameField, out var name))
        {
            var answer = InputAnswers.Elicitation(context, Step2Key);
            if (answer is { IsAccepted: false })
            {
                return $"Stopped at step 2 (action={answer.Action}).";
            }

            if (answer is not null && InputAnswers.Text(answer, ColorField) is { } color)
            {
                return $"{name}'s favorite color is {color}.";
            }

            throw AskColor(context, name);
        }

        if (state is { Round: 1 } && InputAnswers.Elicitation(context, Step1Key) is { } first)
        {
            if (!first.IsAccepted)
            {
                return $"Stopped at step 1 (action={first.Action}).";
            }

            if (InputAnswers.Text(first, NameField) is { } given)
            {
                throw AskColor(context, given);
            }
        }

        throw InputRequired.Ask(
            context,
            Step1Key,
            InputRequired.Elicit("Step 1: What is your name?", NameField, new ElicitRequestParams.StringSchema()),
            RequestState.Issue(Name, round: 1));
    }

    private static Exception AskColor(RequestContext<CallToolRequestParams> context, string name) =>
        InputRequired.Ask(
            context,
            Step2Key,
            InputRequired.Elicit("Step 2: What is your favorite color?", ColorField, new ElicitRequestParams.StringSchema()),
            RequestState.Issue(Name, round: 2, new Dictionary<string, string>(StringComparer.Ordinal) { [NameField] = name }));
}
