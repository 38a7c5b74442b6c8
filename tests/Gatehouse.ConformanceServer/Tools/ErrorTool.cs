using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>A tool that always fails (scenario tools-call-error).</summary>
[McpServerToolType]
internal sealed class ErrorTool
{
    public const string Message = "This tool intentionally returns an error for testing";

    /// <remarks>
    /// A tool error (a result with <c>isError: true</c>), not a JSON-RPC error. Returned rather than thrown:
    /// the SDK prefixes a thrown exception's message with "An error occurred invoking …", and the scenario
    /// gives this exact text.
    /// </remarks>
    [McpServerTool(Name = "test_error_handling"), Description("Always fails with a tool error (isError: true).")]
    public static CallToolResult ErrorHandling() => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = Message }],
    };
}
