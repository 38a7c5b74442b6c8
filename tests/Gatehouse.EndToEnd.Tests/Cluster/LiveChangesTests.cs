using Xunit.Abstractions;
using System.Diagnostics;
using System.Net;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>Policy and grant changes reach every replica within 2 seconds; an invalid policy never does.</summary>
public sealed class LiveChangesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private RunningUpstream? _upstream;
    private GatewayCluster? _cluster;

    private GatewayCluster Cluster => _cluster!;

    public async Task InitializeAsync()
    {
        try
        {
            _upstream = await UpstreamServers.StartTestUpstreamAsync();
            _cluster = await GatewayCluster.StartAsync(
                replicas: 3,
                new Dictionary<string, UpstreamSpec> { ["test"] = UpstreamSpec.Http(_upstream.Endpoint, Policies.AllowAll) },
                new Dictionary<string, string[]> { ["agent"] = ["test"] });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }

    /// <summary>How long until <paramref name="condition"/> holds on every replica (each polled on its own).</summary>
    private async Task<TimeSpan> UntilEveryReplicaAsync(Func<Uri, Task<bool>> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var pending = Cluster.LiveUrls.ToList();
        while (pending.Count > 0 && clock.Elapsed < limit)
        {
            foreach (var replica in pending.ToList())
            {
                if (await condition(replica))
                {
                    pending.Remove(replica);
                }
            }

            await Task.Delay(50);
        }

        Assert.True(pending.Count == 0, $"not everywhere after {clock.Elapsed}: {string.Join(", ", pending)}");
        output.WriteLine($"in force on all {Cluster.LiveUrls.Count} replicas after {clock.Elapsed.TotalMilliseconds:F0} ms");
        return clock.Elapsed;
    }

    /// <summary>Whether the replica enforces a policy of that version label (asked of its admin API, which reports what it enforces).</summary>
    private static async Task<bool> EnforcesVersionAsync(Uri replica, string versionPrefix)
    {
        var (_, inForce) = await AdminApi.SendAsync(HttpMethod.Get, replica, "/admin/policies/test");
        return ((string?)inForce?["version"])?.StartsWith(versionPrefix, StringComparison.Ordinal) == true;
    }

    private async Task<bool> EchoIsDeniedAsync(Uri replica)
    {
        await using var agent = await Agents.ConnectAsync(new Uri(replica, "/mcp/test"), Cluster.TokenOf("agent"));
        return (string?)(await agent.CallToolAsync("echo", Args(("message", "x")))).Decision()?["action"] == "deny";
    }

    [Fact]
    public async Task A_policy_put_through_one_replica_is_enforced_by_every_replica_within_two_seconds()
    {
        var (status, body) = await AdminApi.SendAsync(HttpMethod.Put, Cluster.LiveUrls[0], "/admin/policies/test",
            """{ "version": "2", "default": "allow", "tools": { "echo": { "action": "deny", "reason": "changed live" } } }""");
        var elapsed = await UntilEveryReplicaAsync(replica => EnforcesVersionAsync(replica, "2@"), Bound * 5);
        await UntilEveryReplicaAsync(EchoIsDeniedAsync, Bound * 5);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2@r2", (string?)body!["version"]);
        Assert.True(elapsed <= Bound, $"took {elapsed}");
        var (_, onAnother) = await AdminApi.SendAsync(HttpMethod.Get, Cluster.LiveUrls[2], "/admin/policies/test");
        Assert.Equal(2, (long)onAnother!["revision"]!);
        Assert.Equal("admin", (string?)onAnother["source"]);
    }

    [Fact]
    public async Task An_invalid_policy_is_refused_with_every_fault_and_the_old_one_stays()
    {
        var (status, body) = await AdminApi.SendAsync(HttpMethod.Put, Cluster.LiveUrls[1], "/admin/policies/test",
            """{ "version": "3", "default": "maybe", "tools": { "echo": { "limits": [ { "counter": "c", "window": "fortnight", "max": 0 } ] } } }""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var paths = body!["faults"]!.AsArray().Select(f => (string?)f!["path"]).ToList();
        Assert.Contains("default", paths);
        Assert.Contains("tools.echo.limits[0].window", paths);
        Assert.Contains("tools.echo.limits[0].max", paths);
        foreach (var replica in Cluster.LiveUrls)
        {
            Assert.False(await EchoIsDeniedAsync(replica));
            var (_, inForce) = await AdminApi.SendAsync(HttpMethod.Get, replica, "/admin/policies/test");
            Assert.Equal("1", (string?)inForce!["policy"]!["version"]);
        }
    }

    [Fact]
    public async Task An_edited_policy_file_is_enforced_by_every_replica_within_two_seconds()
    {
        var file = Path.Combine(Cluster.Config.Folder, "policies", "test.json");
        await File.WriteAllTextAsync(file, """{ "version": "file-2", "default": "allow", "tools": { "echo": { "action": "deny" } } }""");

        var elapsed = await UntilEveryReplicaAsync(replica => EnforcesVersionAsync(replica, "file-2@"), Bound * 5);
        await UntilEveryReplicaAsync(EchoIsDeniedAsync, Bound * 5);

        Assert.True(elapsed <= Bound, $"took {elapsed}");
        var (_, inForce) = await AdminApi.SendAsync(HttpMethod.Get, Cluster.LiveUrls[0], "/admin/policies/test");
        Assert.Equal("file", (string?)inForce!["source"]);
        Assert.StartsWith("file-2@r", (string?)inForce["version"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grant_made_through_the_api_works_everywhere_and_its_revocation_reaches_every_replica_within_two_seconds()
    {
        var (created, grant) = await AdminApi.SendAsync(HttpMethod.Post, Cluster.LiveUrls[0], "/admin/grants", """{ "id": "temp-agent", "upstreams": ["test"] }""");
        var token = (string)grant!["token"]!;
        foreach (var replica in Cluster.LiveUrls)
        {
            await using var agent = await Agents.ConnectAsync(new Uri(replica, "/mcp/test"), token);
            Assert.Equal("echo: ok", (await agent.CallToolAsync("echo", Args(("message", "ok")))).Text());
        }

        var (revoked, _) = await AdminApi.SendAsync(HttpMethod.Delete, Cluster.LiveUrls[1], "/admin/grants/temp-agent");
        var elapsed = await UntilEveryReplicaAsync(async replica =>
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(replica, "/mcp/test")) { Content = new StringContent("{}") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, Bound * 5);

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.StartsWith("gh_", token, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, revoked);
        Assert.True(elapsed <= Bound, $"took {elapsed}");
        var (_, list) = await AdminApi.SendAsync(HttpMethod.Get, Cluster.LiveUrls[2], "/admin/grants");
        var listed = list!["grants"]!.AsArray().Single(g => (string?)g!["id"] == "temp-agent")!;
        Assert.NotNull((string?)listed["revokedAt"]);
        Assert.DoesNotContain(token, list.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grants_of_the_configuration_cannot_be_revoked_through_the_api()
    {
        var (status, _) = await AdminApi.SendAsync(HttpMethod.Delete, Cluster.LiveUrls[0], "/admin/grants/agent");

        Assert.Equal(HttpStatusCode.Conflict, status);
    }
}
