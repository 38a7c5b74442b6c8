using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>
/// A tool that ends its SSE response before answering (SEP-1699; scenario server-sse-polling): the client
/// must reconnect with <c>GET</c> and <c>Last-Event-ID</c> to receive the result.
/// </summary>
[McpServerToolType]
internal sealed class ReconnectionTool
{
    /// <summary>The <c>retry</c> the client is told to wait before reconnecting.</summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the tool keeps working after closing the stream, so the result is produced while no stream is open.</summary>
    private static readonly TimeSpan WorkAfterClosing = TimeSpan.FromMilliseconds(100);

    [McpServerTool(Name = "test_reconnection"), Description("Closes its SSE stream mid-call (polling, retry 500 ms); the result arrives after the client reconnects with Last-Event-ID.")]
    public static async Task<string> ReconnectionAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        await context.EnablePollingAsync(RetryInterval, cancellationToken);
        await Task.Delay(WorkAfterClosing, cancellationToken);
        return "Reconnection test completed successfully.";
    }
}
