using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A TCP relay in front of a real upstream that, once told to, closes the new connection carrying the next request
/// that contains a given text, before the upstream answers: what the gateway sees when an upstream takes a
/// connection and goes away (or resets it) before answering. Such a request on a reused connection is dropped too,
/// uncounted: .NET's handler sends a request again by itself when a reused connection closes before any answer, so
/// only a new connection's drop reaches the gateway's code.
/// </summary>
internal sealed partial class DroppingRelay : LoopbackTcpServer
{
    private readonly Uri _target;
    private readonly object _gate = new();
    private string? _marker;
    private int _dropped;

    public DroppingRelay(Uri target)
    {
        _target = target;
        Start();
    }

    /// <summary>The upstream's endpoint, through this relay.</summary>
    public Uri Endpoint => new UriBuilder(_target) { Port = Port }.Uri;

    /// <summary>How many new connections this relay has dropped.</summary>
    public int Dropped
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    /// <summary>Drops the connections of requests whose bytes contain <paramref name="marker"/> until one was a new connection's first.</summary>
    public void DropNext(string marker)
    {
        lock (_gate)
        {
            _marker = marker;
        }
    }

    /// <summary>Relays the connection on its own, so that the next one is accepted meanwhile.</summary>
    protected override Task ServeAsync(TcpClient client)
    {
        _ = RelayAsync(client);
        return Task.CompletedTask;
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(_target.Host, _target.Port, Stopping);
                using var done = CancellationTokenSource.CreateLinkedTokenSource(Stopping);
                var toUpstream = PumpAsync(client.GetStream(), upstream.GetStream(), inspect: true, done.Token);
                var toClient = PumpAsync(upstream.GetStream(), client.GetStream(), inspect: false, done.Token);
                await Task.WhenAny(toUpstream, toClient);
                await done.CancelAsync();
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // One side went away: both connections close.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool inspect, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var requests = 0;
        while (true)
        {
            var read = await from.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            if (inspect)
            {
                var chunk = Encoding.UTF8.GetString(buffer, 0, read);
                if (RequestLine().IsMatch(chunk))
                {
                    requests++;
                }

                if (TakeDrop(chunk, fresh: requests == 1))
                {
                    return;
                }
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private bool TakeDrop(string chunk, bool fresh)
    {
        lock (_gate)
        {
            if (_marker is null || !chunk.Contains(_marker, StringComparison.Ordinal))
            {
                return false;
            }

            if (fresh)
            {
                _marker = null;
                _dropped++;
            }

            return true;
        }
    }

    [GeneratedRegex(@"^(GET|POST|DELETE) \S+ HTTP/1\.1\r\n")]
    private static partial Regex RequestLine();
}
