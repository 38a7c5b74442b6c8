using System.Net.Sockets;
using System.Text;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>An "upstream" that answers every HTTP request with 200 and a body that is not JSON-RPC.</summary>
internal sealed class GarbageServer : LoopbackTcpServer
{
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 21\r\nConnection: close\r\n\r\n<html>not json</html>");

    public GarbageServer() => Start();

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/mcp");

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[8192];
            _ = await stream.ReadAsync(buffer, Stopping);
            await stream.WriteAsync(Answer, Stopping);
        }
    }
}
