using System.ComponentModel;
using Gatehouse.ConformanceServer.Mrtr;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Prompts;

/// <summary>
/// An input-required result on <c>prompts/get</c>, not only on <c>tools/call</c> (SEP-2322; scenario
/// input-required-result-non-tool-request).
/// </summary>
[McpServerPromptType]
internal sealed class InputRequiredPrompt
{
    public const string Key = "user_context";

    private const string Field = "context";

    [McpServerPrompt(Name = "test_input_required_result_prompt"), Description("Asks what context the prompt should use (elicitation, key user_context) and, when got again with the answer, returns a prompt built on it.")]
    public static PromptMessage ContextPrompt(RequestContext<GetPromptRequestParams> context)
    {
        if (InputAnswers.Elicitation(context, Key) is { } answer)
        {
            var text = InputAnswers.Text(answer, Field) is { } given
                ? $"Answer using this context: {given}"
                : $"Answer without any particular context (action={answer.Action}).";
            return new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text } };
        }

        throw InputRequired.Ask(context, Key, InputRequired.Elicit("What context should the prompt use?", Field, new ElicitRequestParams.StringSchema()));
    }
}
