using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>
/// Diagnostic hooks that change the tool and prompt lists (SEP-2575; scenario server-stateless): each adds a
/// primitive to the shared list and removes it again, so clients are told twice that the list changed and find it as
/// it was. 2025 sessions get the SDK's <c>*/list_changed</c>; 2026-07-28 <c>subscriptions/listen</c> streams that asked
/// for them get the listen handler's.
/// </summary>
[McpServerToolType]
internal sealed class TriggerChangeTools
{
    private const string DynamicToolName = "test_dynamic_tool";

    private const string DynamicPromptName = "test_dynamic_prompt";

    private static readonly McpServerTool DynamicTool = McpServerTool.Create(
        DynamicText,
        new McpServerToolCreateOptions { Name = DynamicToolName, Description = "Listed only for a moment by test_trigger_tool_change." });

    private static readonly McpServerPrompt DynamicPrompt = McpServerPrompt.Create(
        DynamicText,
        new McpServerPromptCreateOptions { Name = DynamicPromptName, Description = "Listed only for a moment by test_trigger_prompt_change." });

    [McpServerTool(Name = "test_trigger_tool_change"), Description("Adds test_dynamic_tool to the tool list and removes it again: two tools/list_changed notifications.")]
    public static string TriggerToolChange(McpServer server)
    {
        var tools = server.ServerOptions.ToolCollection ?? throw new McpException("The server has no tool list.");
        tools.TryAdd(DynamicTool);
        tools.Remove(DynamicTool);
        return $"The tool list changed: {DynamicToolName} was added and removed.";
    }

    [McpServerTool(Name = "test_trigger_prompt_change"), Description("Adds test_dynamic_prompt to the prompt list and removes it again: two prompts/list_changed notifications.")]
    public static string TriggerPromptChange(McpServer server)
    {
        var prompts = server.ServerOptions.PromptCollection ?? throw new McpException("The server has no prompt list.");
        prompts.TryAdd(DynamicPrompt);
        prompts.Remove(DynamicPrompt);
        return $"The prompt list changed: {DynamicPromptName} was added and removed.";
    }

    private static string DynamicText() => "This primitive is listed only for a moment.";
}
