using System.ComponentModel;
using Gatehouse.ConformanceServer.Mrtr;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>An input-required result with one sampling request (SEP-2322; scenario input-required-result-basic-sampling).</summary>
[McpServerToolType]
internal sealed class InputRequiredSamplingTool
{
    public const string Key = "capital_question";

    private const int MaxTokens = 100;

    [McpServerTool(Name = "test_input_required_result_sampling"), Description("Asks the client's LLM the capital of France with an input-required result (sampling, key capital_question) and returns its answer when called again.")]
    public static string AskCapital(RequestContext<CallToolRequestParams> context) =>
        AnswerOrAsk(context, Key, "What is the capital of France?", MaxTokens);

    /// <summary>The LLM's answer under <paramref name="key"/> (<c>LLM response: …</c>), or an input-required result asking for it; also <see cref="MissingCapabilityTool"/>'s.</summary>
    public static string AnswerOrAsk(RequestContext<CallToolRequestParams> context, string key, string prompt, int maxTokens)
    {
        if (InputAnswers.Sampling(context, key) is { } answer)
        {
            return $"LLM response: {InputAnswers.Text(answer)}";
        }

        throw InputRequired.Ask(context, key, InputRequired.Sample(prompt, maxTokens));
    }
}
