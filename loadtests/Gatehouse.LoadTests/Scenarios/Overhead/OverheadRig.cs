using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Progress;

namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>
/// What one <c>overhead</c> run calls, each its own process on loopback: the upstream, the plain reverse proxy
/// in front of it and one Gatehouse replica in front of it (allow-all policy), or given endpoints instead of the
/// upstream and Gatehouse. Probes the CPU of every process it started, and of the load generator.
/// </summary>
internal sealed class OverheadRig : IAsyncDisposable
{
    public const string AllowAllPolicy = """{ "version": "allow-all", "default": "allow" }""";

    private IUpstreamServer? _upstream;
    private ReferenceProxy? _proxy;
    private GatehouseCluster? _gateway;

    private OverheadRig()
    {
    }

    /// <summary>Direct, through the plain reverse proxy, through Gatehouse: in that order.</summary>
    public IReadOnlyList<OverheadTarget> Targets { get; private set; } = [];

    public CpuProbes Cpu { get; } = new();

    /// <summary>What the upstream is, for the report.</summary>
    public string Upstream { get; private set; } = string.Empty;

    public static async Task<OverheadRig> StartAsync(OverheadOptions options, ProgressView progress)
    {
        var rig = new OverheadRig();
        try
        {
            await rig.StartAllAsync(options, progress);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }

    private async Task StartAllAsync(OverheadOptions options, ProgressView progress)
    {
        if (options.Direct is { } givenDirect && options.Gateway is { } givenGateway)
        {
            Upstream = givenDirect.ToString();
            await StartProxyAsync(givenDirect, progress);
            Targets = [.. Targets, new OverheadTarget(OverheadTarget.Gatehouse, givenGateway, options.Token ?? throw new ArgumentException("--token is required with --gateway"), CpuProbes.Gatehouse)];
        }
        else
        {
            progress.Status($"starting {Describe(options.Upstream)}");
            var upstream = _upstream = options.Upstream == OverheadUpstream.Everything ? await EverythingUpstream.StartAsync() : await TestUpstream.StartAsync();
            Upstream = Describe(options.Upstream);
            Cpu.Add(CpuProbes.Upstream, () => upstream.CpuTime);
            await StartProxyAsync(upstream.Endpoint, progress);

            progress.Status("starting one Gatehouse replica (allow-all policy)");
            var gateway = _gateway = await GatehouseCluster.StartEmbeddedAsync(
                new Dictionary<string, (Uri, string)> { ["bench"] = (upstream.Endpoint, AllowAllPolicy) },
                new Dictionary<string, string[]> { ["agent"] = ["bench"] });
            var replica = gateway.Replicas[0];
            Cpu.Add(CpuProbes.Gatehouse, () => replica.CpuTime);
            Targets = [.. Targets, new OverheadTarget(OverheadTarget.Gatehouse, gateway.EndpointsOf("bench")[0], gateway.Config.Tokens["agent"], CpuProbes.Gatehouse)];
        }

        Cpu.Add(CpuProbes.LoadGenerator, CpuProbes.OwnCpuTime);
    }

    private async Task StartProxyAsync(Uri upstream, ProgressView progress)
    {
        progress.Status("starting the plain reverse proxy (YARP)");
        var proxy = _proxy = await ReferenceProxy.StartAsync(upstream);
        Cpu.Add(CpuProbes.Yarp, () => proxy.CpuTime);
        Targets =
        [
            new OverheadTarget(OverheadTarget.Direct, upstream, Token: null, Proxy: null),
            new OverheadTarget(OverheadTarget.Yarp, proxy.Through(upstream), Token: null, CpuProbes.Yarp),
        ];
    }

    private static string Describe(OverheadUpstream upstream) => upstream switch
    {
        OverheadUpstream.Everything => "@modelcontextprotocol/server-everything (Node, Streamable HTTP)",
        _ => "the C# test upstream",
    };
}
