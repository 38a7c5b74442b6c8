using System.ComponentModel;
using Gatehouse.ConformanceServer.Mrtr;
using Gatehouse.ConformanceServer.Requests;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>
/// Input requests only for the capabilities the client declared (SEP-2322; scenario input-required-result-capability-check):
/// a client that declares <c>sampling</c> but not <c>elicitation</c> is asked no elicitation.
/// </summary>
[McpServerToolType]
internal sealed class InputRequiredCapabilitiesTool
{
    [McpServerTool(Name = "test_input_required_result_capabilities"), Description("Asks for the user's name (user_name), a greeting (greeting) and the roots (client_roots), each only if the client declared elicitation, sampling or roots; answers with what it got.")]
    public static string Capabilities(RequestContext<CallToolRequestParams> context)
    {
        var declared = ClientRequest.Capabilities(context);
        var questions = new Dictionary<string, InputRequest>(StringComparer.Ordinal);
        if (declared.Elicitation is not null)
        {
            questions[InputRequiredElicitationTool.Key] = InputRequiredElicitationTool.AskName();
        }

        if (declared.Sampling is not null)
        {
            questions[InputRequiredMultipleInputsTool.GreetingKey] = InputRequiredMultipleInputsTool.AskGreeting();
        }

        if (declared.Roots is not null)
        {
            questions[InputRequiredRootsTool.Key] = InputRequired.ListRoots();
        }

        if (questions.Count == 0)
        {
            return "The client declared none of elicitation, sampling and roots: nothing to ask.";
        }

        var answers = questions.ToDictionary(question => question.Key, question => InputAnswers.Describe(context, question.Key, question.Value));
        var open = questions.Where(question => answers[question.Key] is null).ToDictionary(StringComparer.Ordinal);
        if (open.Count == 0)
        {
            return string.Join("; ", answers.Select(answer => $"{answer.Key}: {answer.Value}"));
        }

        throw InputRequired.Ask(context, open);
    }
}
