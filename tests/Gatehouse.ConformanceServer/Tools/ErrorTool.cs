using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>A tool that always fails (scenario tools-call-error).</summary>
[McpServerToolType]
internal sealed class ErrorTool
{
    public const string Message = "This tool intentionally returns an error for testing";

    /// <remarks>
    /// The SDK turns an <see cref="McpException"/> thrown by a tool into a result with <c>isError: true</c>
    /// whose text is the exception's message: a tool error, not a JSON-RPC error.
    /// </remarks>
    [McpServerTool(Name = "test_error_handling"), Description("Always fails with a tool error (isError: true).")]
    public static string ErrorHandling() => throw new McpException(Message);
}
