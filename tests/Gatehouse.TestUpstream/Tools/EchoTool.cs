using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

[McpServerToolType]
internal sealed class EchoTool
{
    [McpServerTool(Name = "echo"), Description("Returns the message, prefixed with \"echo: \".")]
    public static string Echo([Description("The text to echo back.")] string message) => $"echo: {message}";
}
