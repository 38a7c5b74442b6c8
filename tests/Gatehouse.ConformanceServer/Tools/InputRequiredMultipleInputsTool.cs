using System.ComponentModel;
using Gatehouse.ConformanceServer.Mrtr;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>
/// One input-required result with three input requests of different methods and a signed <c>requestState</c>
/// (SEP-2322; scenario input-required-result-multiple-input-requests).
/// </summary>
/// <remarks>
/// A retry that answers only some keys is asked the others, the answers so far carried in the new state.
/// </remarks>
[McpServerToolType]
internal sealed class InputRequiredMultipleInputsTool
{
    public const string GreetingKey = "greeting";

    private const string Name = "test_input_required_result_multiple_inputs";

    private const int GreetingMaxTokens = 50;

    [McpServerTool(Name = Name), Description("Asks at once for the user's name (elicitation, key user_name), a greeting from the client's LLM (sampling, key greeting) and the client's roots (roots/list, key client_roots), with a signed requestState; answers with all three.")]
    public static string MultipleInputs(RequestContext<CallToolRequestParams> context)
    {
        var questions = new Dictionary<string, InputRequest>(StringComparer.Ordinal)
        {
            [InputRequiredElicitationTool.Key] = InputRequiredElicitationTool.AskName(),
            [GreetingKey] = AskGreeting(),
            [InputRequiredRootsTool.Key] = InputRequired.ListRoots(),
        };

        var state = RequestState.Read(context.Params?.RequestState, Name);
        var answers = new Dictionary<string, string>(state?.Values ?? [], StringComparer.Ordinal);
        if (state is not null)
        {
            foreach (var (key, question) in questions)
            {
                if (!answers.ContainsKey(key) && InputAnswers.Describe(context, key, question) is { } answer)
                {
                    answers[key] = answer;
                }
            }
        }

        if (answers.Count == questions.Count)
        {
            return string.Join("; ", questions.Keys.Select(key => $"{key}: {answers[key]}"));
        }

        var open = questions.Where(question => !answers.ContainsKey(question.Key)).ToDictionary(StringComparer.Ordinal);
        throw InputRequired.Ask(context, open, RequestState.Issue(Name, (state?.Round ?? 0) + 1, answers));
    }

    /// <summary>The sampling question, also asked by <see cref="InputRequiredCapabilitiesTool"/>.</summary>
    public static InputRequest AskGreeting() => InputRequired.Sample("Generate a greeting", GreetingMaxTokens);
}
