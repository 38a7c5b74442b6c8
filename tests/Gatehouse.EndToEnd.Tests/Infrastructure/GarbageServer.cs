using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>An "upstream" that answers every HTTP request with 200 and a body that is not JSON-RPC.</summary>
internal sealed class GarbageServer : IAsyncDisposable
{
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 21\r\nConnection: close\r\n\r\n<html>not json</html>");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public GarbageServer()
    {
        _listener.Start();
        _loop = ServeAsync();
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/mcp");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var buffer = new byte[8192];
            _ = await stream.ReadAsync(buffer, _stop.Token);
            await stream.WriteAsync(Answer, _stop.Token);
        }
    }
}
