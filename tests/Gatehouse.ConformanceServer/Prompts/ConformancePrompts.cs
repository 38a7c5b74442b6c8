using System.ComponentModel;
using Gatehouse.ConformanceServer.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Prompts;

/// <summary>The prompts of the scenarios prompts-list and prompts-get-*.</summary>
[McpServerPromptType]
internal sealed class ConformancePrompts
{
    [McpServerPrompt(Name = "test_simple_prompt"), Description("A simple prompt without arguments.")]
    public static ChatMessageLike SimplePrompt() => ChatMessageLike.User("This is a simple prompt for testing.");
}
