using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Prompts;

[McpServerPromptType]
internal sealed class GreetPrompt
{
    [McpServerPrompt(Name = "greet"), Description("Asks the model to greet someone.")]
    public static string Greet([Description("Who to greet.")] string name) => $"Say hello to {name}.";
}
