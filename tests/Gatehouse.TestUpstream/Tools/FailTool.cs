using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

[McpServerToolType]
internal sealed class FailTool
{
    [McpServerTool(Name = "fail"), Description("Always fails: returns a tool error (isError) whose text is the message.")]
    public static CallToolResult Fail([Description("The error text to return.")] string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };
}
