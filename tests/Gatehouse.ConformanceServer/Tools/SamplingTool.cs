using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>A tool that asks the client's LLM through <c>sampling/createMessage</c> (scenario tools-call-sampling).</summary>
[McpServerToolType]
internal sealed class SamplingTool
{
    private const int MaxTokens = 100;

    [McpServerTool(Name = "test_sampling"), Description("Sends the prompt to the client's LLM (sampling/createMessage) and returns its answer.")]
    public static async Task<string> SamplingAsync(
        McpServer server,
        [Description("The prompt to send to the LLM.")] string prompt,
        CancellationToken cancellationToken)
    {
        if (server.ClientCapabilities?.Sampling is null)
        {
            throw new McpException("The client does not support sampling.");
        }

        var result = await server.SampleAsync(
            new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
                MaxTokens = MaxTokens,
            },
            cancellationToken);

        var answer = string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        return $"LLM response: {answer}";
    }
}
