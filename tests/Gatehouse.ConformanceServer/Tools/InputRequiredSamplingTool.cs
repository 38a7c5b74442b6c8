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
    public static string AskCapital(RequestContext<CallToolRequestParams> context)
    {
        if (InputAnswers.Sampling(context, Key) is { } answer)
        {
            return $"LLM response: {InputAnswers.Text(answer)}";
        }

        throw InputRequired.Ask(
            context,
            new Dictionary<string, InputRequest> { [Key] = InputRequired.Sample("What is the capital of France?", MaxTokens) });
    }
}
