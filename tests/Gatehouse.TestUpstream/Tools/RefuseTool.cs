using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Tools;

/// <summary>A tool that always refuses with a JSON-RPC error carrying data, to see that code, message and data reach the agent as sent.</summary>
[McpServerToolType]
internal sealed class RefuseTool
{
    /// <summary>An error code of the server's own (outside JSON-RPC's reserved range).</summary>
    public const int Code = -31999;

    [McpServerTool(Name = "refuse"), Description("Always refuses: a JSON-RPC error with code -31999, the message given, and data {\"reason\": \"on purpose\", \"attempts\": [1, 2]}.")]
    public static string Refuse([Description("The error's message.")] string message)
    {
        var refusal = new McpProtocolException(message, (McpErrorCode)Code);
        refusal.Data["reason"] = "on purpose";
        refusal.Data["attempts"] = JsonSerializer.SerializeToElement(new[] { 1, 2 });
        throw refusal;
    }
}
