using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>
/// A configuration folder shared by the replicas: <c>gatehouse.json</c> (ADO.NET clustering on the
/// test database) and one policy per upstream, every upstream being the same test upstream. Each
/// grant gets a fresh token.
/// </summary>
internal sealed class GatewayFiles : IDisposable
{
    public const string TracedUpstream = "traced";

    public const string MeteredUpstream = "metered";

    public const string TraceGrant = "trace-agent";

    public const string MetricsGrant = "metrics-agent";

    public const string ScrapeGrant = "scrape-agent";

    private GatewayFiles(string folder, string path, IReadOnlyDictionary<string, string> tokens, string adminToken)
    {
        Folder = folder;
        Path = path;
        Tokens = tokens;
        AdminToken = adminToken;
    }

    public string Folder { get; }

    /// <summary>The <c>gatehouse.json</c> a replica is started with (<c>--config</c>).</summary>
    public string Path { get; }

    /// <summary>Bearer token of each grant.</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; }

    public string AdminToken { get; }

    public static GatewayFiles Write(Uri upstream, TestDatabase database)
    {
        var folder = Directory.CreateTempSubdirectory("gatehouse-telemetry-").FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "policies"));
        File.WriteAllText(System.IO.Path.Combine(folder, "policies", TracedUpstream + ".json"), TestPolicies.Traced);
        File.WriteAllText(System.IO.Path.Combine(folder, "policies", MeteredUpstream + ".json"), TestPolicies.Metered);

        var grants = new Dictionary<string, string>
        {
            [TraceGrant] = TracedUpstream,
            [MetricsGrant] = MeteredUpstream,
            [ScrapeGrant] = MeteredUpstream,
        };
        var tokens = grants.Keys.ToDictionary(grant => grant, _ => NewToken());
        var adminToken = NewToken();

        var grantSection = new JsonObject();
        foreach (var (grant, upstreamName) in grants)
        {
            grantSection[grant] = new JsonObject { ["TokenSha256"] = Sha256(tokens[grant]), ["Upstreams"] = new JsonArray(upstreamName) };
        }

        var config = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["Gatehouse"] = new JsonObject
            {
                ["Upstreams"] = new JsonObject
                {
                    [TracedUpstream] = Upstream(upstream, TracedUpstream),
                    [MeteredUpstream] = Upstream(upstream, MeteredUpstream),
                },
                ["Grants"] = grantSection,
                ["AdminTokenSha256"] = Sha256(adminToken),
                ["Cluster"] = new JsonObject
                {
                    ["Clustering"] = "AdoNet",
                    ["ConnectionString"] = database.ConnectionString,
                    ["ClusterId"] = database.Name,
                },
            },
        };
        var path = System.IO.Path.Combine(folder, "gatehouse.json");
        File.WriteAllText(path, config.ToJsonString());
        return new GatewayFiles(folder, path, tokens, adminToken);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static JsonObject Upstream(Uri url, string name) =>
        new() { ["Url"] = url.ToString(), ["Policy"] = $"policies/{name}.json", ["TimeoutSeconds"] = 120, ["ConnectTimeoutSeconds"] = 120 };

    private static string NewToken() => "tok_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
