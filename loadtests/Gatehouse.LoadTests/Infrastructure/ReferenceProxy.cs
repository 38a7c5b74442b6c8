using System.Globalization;

namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>
/// The plain reverse proxy (<c>loadtests/Gatehouse.ReferenceProxy</c>: YARP, protocol-unaware) on a free loopback
/// port, forwarding every request to one upstream with its path and query unchanged.
/// </summary>
internal sealed class ReferenceProxy : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ReferenceProxy(ChildProcess process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>CPU time the proxy's process has used so far.</summary>
    public TimeSpan CpuTime => _process.CpuTime;

    /// <summary>The URL through the proxy that reaches <paramref name="upstreamUrl"/>: same path and query.</summary>
    public Uri Through(Uri upstreamUrl) => new(BaseUrl, upstreamUrl.PathAndQuery);

    /// <param name="upstreamEndpoint">An endpoint of the upstream; the proxy forwards to its scheme, host and port.</param>
    public static async Task<ReferenceProxy> StartAsync(Uri upstreamEndpoint)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
        var process = ChildProcess.Start(
            "dotnet",
            [BuiltPrograms.ReferenceProxyDll, "--urls", baseUrl.ToString(), "--upstream", upstreamEndpoint.GetLeftPart(UriPartial.Authority) + "/"]);
        var proxy = new ReferenceProxy(process, baseUrl);
        try
        {
            // Ready once a request reaches the upstream through it: any answer but the proxy's own 502 (upstream unreachable).
            await Readiness.WaitForAsync(proxy.Through(upstreamEndpoint), process, TimeSpan.FromSeconds(60), status => status is > 0 and not 502);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return proxy;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
