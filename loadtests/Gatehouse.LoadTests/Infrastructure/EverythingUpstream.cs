using System.Globalization;

namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>
/// <c>@modelcontextprotocol/server-everything</c> over Streamable HTTP (sessions), bound to loopback by
/// <c>tests/node/everything-http.mjs</c>, on a free port. Its packages come from <c>npm ci</c> in <c>tests/node</c>.
/// </summary>
internal sealed class EverythingUpstream : IUpstreamServer
{
    private const string Script = "everything-http.mjs";
    private readonly ChildProcess _process;

    private EverythingUpstream(ChildProcess process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public TimeSpan CpuTime => _process.CpuTime;

    /// <summary>Whether <c>npm ci</c> installed the package in <c>tests/node</c>.</summary>
    public static bool IsInstalled => Directory.Exists(
        Path.Combine(Path.GetDirectoryName(BuiltPrograms.NodeScript(Script))!, "node_modules", "@modelcontextprotocol", "server-everything"));

    public static async Task<EverythingUpstream> StartAsync()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var script = BuiltPrograms.NodeScript(Script);
        var process = ChildProcess.Start("node", [script], Path.GetDirectoryName(script), new Dictionary<string, string> { ["PORT"] = port });
        var endpoint = new Uri($"http://127.0.0.1:{port}/mcp");
        try
        {
            // Any HTTP answer (a GET without a session is refused) means the server listens.
            await Readiness.WaitForAsync(endpoint, process, TimeSpan.FromSeconds(60), status => status > 0);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new EverythingUpstream(process, endpoint);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
