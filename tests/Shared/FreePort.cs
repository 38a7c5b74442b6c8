using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Gatehouse.Testing;

/// <summary>
/// Ports for the servers tests start on 127.0.0.1. They are drawn at random below Linux's ephemeral
/// range (32768 and up), where the kernel also picks the source ports of outgoing connections: a port
/// the kernel lends out as "free" can be taken by some connection before the test server binds it,
/// while one drawn here only collides with another server started by a test. Never the same port
/// twice in one process.
/// </summary>
internal static class FreePort
{
    private const int Low = 20_000;
    private const int High = 32_700;

    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>A TCP port on 127.0.0.1 that nothing listened on a moment ago.</summary>
    public static int Next()
    {
        while (true)
        {
            var port = Random.Shared.Next(Low, High);
            if (HandedOut.TryAdd(port, true) && IsFree(port))
            {
                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
