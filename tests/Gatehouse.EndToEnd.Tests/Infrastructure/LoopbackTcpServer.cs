using System.Net;
using System.Net.Sockets;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>A TCP server on a free loopback port that accepts connections until disposed.</summary>
internal abstract class LoopbackTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>The port it listens on.</summary>
    protected int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Ends when the server is disposed.</summary>
    protected CancellationToken Stopping => _stop.Token;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await (_loop ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    /// <summary>Starts listening; called once by the derived class's constructor, when it is ready to serve.</summary>
    protected void Start()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    /// <summary>Serves one accepted connection, in the accept loop (awaited) or on its own (not awaited).</summary>
    protected abstract Task ServeAsync(TcpClient client);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token));
        }
    }
}
