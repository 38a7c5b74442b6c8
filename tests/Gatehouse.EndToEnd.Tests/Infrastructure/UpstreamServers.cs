namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>Real upstream MCP servers over Streamable HTTP on free loopback ports.</summary>
internal static class UpstreamServers
{
    /// <summary>The C# test upstream (tests/Gatehouse.TestUpstream) with sessions, like most HTTP MCP servers.</summary>
    /// <param name="name">Its serverInfo name.</param>
    /// <param name="port">A port to listen on (to start it again where it was); a free one when null.</param>
    /// <param name="subscriptions">Whether clients may subscribe to its resources (its <c>touch</c> tool then tells them of an update).</param>
    public static async Task<RunningUpstream> StartTestUpstreamAsync(string name = "test-upstream", int? port = null, bool subscriptions = false)
    {
        port ??= FreePort.Next();
        var process = ChildProcess.Start("dotnet", [Paths.TestUpstreamDll, "--stateful", .. subscriptions ? ["--subscriptions"] : Array.Empty<string>(), "--name", name, "--urls", $"http://127.0.0.1:{port}"]);
        return await RunningUpstream.WaitAsync(process, new Uri($"http://127.0.0.1:{port}/mcp"));
    }

    /// <summary>The C# test upstream as a server of 2026-07-28 only: no sessions, <c>initialize</c> refused.</summary>
    public static async Task<RunningUpstream> StartTestUpstreamOf2026OnlyAsync()
    {
        var port = FreePort.Next();
        var process = ChildProcess.Start("dotnet", [Paths.TestUpstreamDll, "--only-2026", "--name", "only-2026-upstream", "--urls", $"http://127.0.0.1:{port}"]);
        return await RunningUpstream.WaitAsync(process, new Uri($"http://127.0.0.1:{port}/mcp"));
    }

    /// <summary>
    /// <c>@modelcontextprotocol/server-everything</c>'s legacy HTTP+SSE transport (2024-11-05), bound to loopback: its endpoint
    /// is <c>/sse</c> (a GET opens a session's stream; messages are POSTed to <c>/message</c>).
    /// </summary>
    public static async Task<RunningUpstream> StartEverythingSseAsync()
    {
        var port = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = ChildProcess.Start("node", [Paths.NodeScript("everything-http.mjs")], environment: new Dictionary<string, string> { ["PORT"] = port, ["TRANSPORT"] = "sse" });

        // A GET of /sse would open a stream; /message answers at once (no session named), so it tells when the server listens.
        await Readiness.WaitForAsync(new Uri($"http://127.0.0.1:{port}/message"), process, Eventually.Ceiling, status => status > 0);
        return new RunningUpstream(process, new Uri($"http://127.0.0.1:{port}/sse"));
    }

    /// <summary><c>@modelcontextprotocol/server-everything</c>'s Streamable HTTP transport, bound to loopback.</summary>
    /// <param name="port">A port to listen on (to start it again where it was); a free one when null.</param>
    public static async Task<RunningUpstream> StartEverythingAsync(int? port = null)
    {
        port ??= FreePort.Next();
        var process = ChildProcess.Start("node", [Paths.NodeScript("everything-http.mjs")], environment: new Dictionary<string, string> { ["PORT"] = port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return await RunningUpstream.WaitAsync(process, new Uri($"http://127.0.0.1:{port}/mcp"));
    }
}
