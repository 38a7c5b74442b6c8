namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>Real upstream MCP servers over Streamable HTTP on free loopback ports.</summary>
internal static class UpstreamServers
{
    /// <summary>The C# test upstream (tests/Gatehouse.TestUpstream) with sessions, like most HTTP MCP servers.</summary>
    /// <param name="name">Its serverInfo name.</param>
    /// <param name="port">A port to listen on (to start it again where it was); a free one when null.</param>
    public static async Task<RunningUpstream> StartTestUpstreamAsync(string name = "test-upstream", int? port = null)
    {
        port ??= FreePort.Next();
        var process = ChildProcess.Start("dotnet", [Paths.TestUpstreamDll, "--stateful", "--name", name, "--urls", $"http://127.0.0.1:{port}"]);
        return await RunningUpstream.WaitAsync(process, new Uri($"http://127.0.0.1:{port}/mcp"));
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
