using Gatehouse.Gateway.Configuration;
using Gatehouse.Upstreams;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed class GatehouseOptionsValidatorTests
{
    private const string Hash = "7738c76cee39b0b4728feca1c831be314dba5062b4f3f411e2a75a7ba8a86011";

    private static GatehouseOptions Valid() => new()
    {
        Upstreams = { ["everything"] = new UpstreamOptions { Url = new Uri("http://127.0.0.1:3001/mcp"), Policy = "p.json" } },
        Grants = { ["ci-agent"] = new GrantOptions { TokenSha256 = Hash, Upstreams = ["everything"] } },
    };

    private static IReadOnlyList<string> Faults(GatehouseOptions options) =>
        new GatehouseOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Valid_configuration_has_no_faults() => Assert.Empty(Faults(Valid()));

    [Fact]
    public void Upstream_with_both_url_and_command_is_named()
    {
        var options = Valid();
        options.Upstreams["everything"].Command = "npx";

        Assert.Contains(Faults(options), f => f.StartsWith("Gatehouse:Upstreams:everything:", StringComparison.Ordinal) && f.Contains("exactly one of Url", StringComparison.Ordinal));
    }

    [Fact]
    public void Upstream_without_a_policy_is_named()
    {
        var options = Valid();
        options.Upstreams["everything"].Policy = null;

        Assert.Contains("Gatehouse:Upstreams:everything:Policy is required: the path of this upstream's policy document.", Faults(options));
    }

    [Fact]
    public void Grant_with_a_malformed_hash_or_an_unknown_upstream_is_named()
    {
        var options = Valid();
        options.Grants["ci-agent"].TokenSha256 = "abc";
        options.Grants["ci-agent"].Upstreams.Add("files");

        var faults = Faults(options);

        Assert.Contains(faults, f => f.StartsWith("Gatehouse:Grants:ci-agent:TokenSha256", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("Gatehouse:Grants:ci-agent:Upstreams:1 names 'files'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("FailClosed", false)]
    [InlineData("Serve", false)]
    [InlineData("serve-anyway", true)]
    public void Counters_on_store_outage_takes_fail_closed_or_serve(string mode, bool faulted)
    {
        var options = Valid();
        options.Counters.OnStoreOutage = mode;

        Assert.Equal(faulted, Faults(options).Contains("Gatehouse:Counters:OnStoreOutage must be 'FailClosed' or 'Serve'."));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(1440, false)]
    [InlineData(1441, true)]
    public void Resumption_minutes_run_from_one_to_a_day(int minutes, bool faulted)
    {
        var options = Valid();
        options.ResumptionMinutes = minutes;

        Assert.Equal(faulted, Faults(options).Contains("Gatehouse:ResumptionMinutes must be between 1 and 1440 (a day)."));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("2025-11-25", null)]
    [InlineData("2026-07-28", null)]
    [InlineData("2025-06-18", "Gatehouse:Upstreams:everything:ProtocolVersion must be 2025-11-25 or 2026-07-28, not '2025-06-18'.")]
    [InlineData("latest", "Gatehouse:Upstreams:everything:ProtocolVersion must be 2025-11-25 or 2026-07-28, not 'latest'.")]
    public void An_http_upstream_is_spoken_to_at_2025_11_25_or_2026_07_28(string? revision, string? fault)
    {
        var options = Valid();
        options.Upstreams["everything"].ProtocolVersion = revision;

        Assert.Equal(fault is null ? [] : [fault], Faults(options).Where(f => f.Contains(":ProtocolVersion", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_stdio_upstream_is_not_spoken_to_at_2026_07_28()
    {
        var options = Valid();
        options.Upstreams["local"] = new UpstreamOptions { Command = "node", Policy = "p.json", ProtocolVersion = "2026-07-28" };

        Assert.Equal(
            ["Gatehouse:Upstreams:local:ProtocolVersion 2026-07-28 applies to HTTP upstreams (Url) only; Gatehouse speaks 2025-11-25 to a stdio process."],
            Faults(options).Where(f => f.Contains(":ProtocolVersion", StringComparison.Ordinal)));
        Assert.False(options.Upstreams["local"].SpeaksStateless);
        Assert.False(Valid().Upstreams["everything"].SpeaksStateless);
    }

    [Theory]
    [InlineData("2026-07-28", false, null)]
    [InlineData("2025-11-25", true, "Gatehouse:Upstreams:everything:Sessionless applies to an HTTP upstream with ProtocolVersion 2026-07-28 only.")]
    [InlineData(null, true, "Gatehouse:Upstreams:everything:Sessionless applies to an HTTP upstream with ProtocolVersion 2026-07-28 only.")]
    public void An_upstream_without_sessions_is_one_spoken_to_at_2026_07_28(string? revision, bool refused, string? fault)
    {
        var options = Valid();
        options.Upstreams["everything"].ProtocolVersion = revision;
        options.Upstreams["everything"].Sessionless = true;

        Assert.Equal(fault is null ? [] : [fault], Faults(options).Where(f => f.Contains(":Sessionless", StringComparison.Ordinal)));
        Assert.Equal(!refused, options.Upstreams["everything"].IsSessionless);
    }

    [Fact]
    public void A_process_per_session_is_for_stdio_upstreams_only()
    {
        var options = Valid();
        options.Upstreams["everything"].ProcessPerSession = true;
        options.Upstreams["local"] = new UpstreamOptions { Command = "node", Policy = "p.json", ProcessPerSession = true };

        var faults = Faults(options).Where(f => f.Contains(":ProcessPerSession", StringComparison.Ordinal)).ToList();

        Assert.Equal(["Gatehouse:Upstreams:everything:ProcessPerSession applies to stdio upstreams (Command) only; an HTTP upstream already gives each agent session a session of its own."], faults);
    }

    [Theory]
    [InlineData(0, 600, 256, "Gatehouse:Upstreams:local:MaxProcesses must be between 1 and 10000.")]
    [InlineData(10_001, 600, 256, "Gatehouse:Upstreams:local:MaxProcesses must be between 1 and 10000.")]
    [InlineData(20, 4, 256, "Gatehouse:Upstreams:local:ProcessIdleSeconds must be between 5 and 86400.")]
    [InlineData(20, 86_401, 256, "Gatehouse:Upstreams:local:ProcessIdleSeconds must be between 5 and 86400.")]
    [InlineData(20, 600, 0, "Gatehouse:Upstreams:local:MaxProcessMemoryMb must be between 1 and 1048576 (MiB), or absent for no limit.")]
    [InlineData(1, 5, 1, null)]
    [InlineData(10_000, 86_400, 1_048_576, null)]
    public void Process_limits_are_bounded(int maxProcesses, int idleSeconds, int memoryMb, string? fault)
    {
        var options = Valid();
        options.Upstreams["local"] = new UpstreamOptions
        {
            Command = "node", Policy = "p.json", ProcessPerSession = true,
            MaxProcesses = maxProcesses, ProcessIdleSeconds = idleSeconds, MaxProcessMemoryMb = memoryMb,
        };

        Assert.Equal(fault is null ? [] : [fault], Faults(options));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=", false)]
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0e", true)]
    [InlineData("not base64!", true)]
    public void A_request_state_key_is_base64_of_at_least_32_bytes(string? key, bool faulted)
    {
        var options = Valid();
        options.RequestStateKey = key;

        Assert.Equal(faulted, Faults(options).Any(f => f.StartsWith("Gatehouse:RequestStateKey must be base64 of at least 32 bytes", StringComparison.Ordinal)));
    }

    [Fact]
    public void Two_grants_with_one_token_are_refused()
    {
        var options = Valid();
        options.Grants["other"] = new GrantOptions { TokenSha256 = Hash.ToUpperInvariant(), Upstreams = ["everything"] };

        Assert.Contains(Faults(options), f => f.Contains("each grant needs its own token", StringComparison.Ordinal));
    }

    [Fact]
    public void AdoNet_clustering_without_a_connection_string_is_named()
    {
        var options = Valid();
        options.Cluster.Clustering = "AdoNet";

        Assert.Contains("Gatehouse:Cluster:ConnectionString is required when Clustering is AdoNet.", Faults(options));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("two__parts")]
    [InlineData("")]
    public void Upstream_names_that_cannot_appear_in_urls_or_prefixes_are_refused(string name)
    {
        var options = Valid();
        options.Upstreams[name] = new UpstreamOptions { Command = "x", Policy = "p.json" };

        Assert.Contains(Faults(options), f => f.StartsWith($"Gatehouse:Upstreams:{name}: an upstream name", StringComparison.Ordinal));
    }
}
