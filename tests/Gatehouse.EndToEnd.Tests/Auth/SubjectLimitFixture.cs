using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Cluster;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Auth;

/// <summary>
/// Three replicas on PostgreSQL as one OAuth resource server (public URL <see cref="PublicUrl"/>, as behind a load
/// balancer) in front of the C# test upstream, trusting a real local OpenID provider. Grant <c>team</c> is chosen by
/// either of two clients, <c>alice-app</c> and <c>bob-app</c> (each token's subject is its client, as for any
/// client-credentials token); <c>echo</c> has a budget of <see cref="PerSubject"/> per subject. The upstream acts for the
/// end user: each OAuth agent's token is exchanged (RFC 8693) at the provider, as client <see cref="ExchangerId"/>, for
/// one whose audience is <see cref="UpstreamAudience"/>. Grant <c>static-team</c> keeps a static token.
/// </summary>
public sealed class SubjectLimitFixture : ClusterFixtureBase
{
    public const int PerSubject = 6;
    public const string PublicUrl = "https://gatehouse.example";
    public const string ExchangerId = "exchanger-gatehouse";
    public const string ExchangerSecret = "exchanger-secret-for-tests";
    public const string UpstreamAudience = "https://tools.example/mcp";

    public static readonly IReadOnlyDictionary<string, string> Clients = new Dictionary<string, string>
    {
        ["alice-app"] = "alice-secret-for-tests",
        ["bob-app"] = "bob-secret-for-tests",
    };

    // Sliding over a day: no interval of a day admits more than the budget, so no window boundary can fall inside the test.
    private static readonly string Policy = $$"""
        { "version": "1", "default": "allow",
          "tools": { "echo": { "limits": [ { "counter": "per_user", "window": "day", "algorithm": "sliding", "max": {{PerSubject}}, "scope": "subject" } ] } } }
        """;

    private RunningUpstream? _upstream;

    internal OidcProvider Provider { get; private set; } = null!;

    internal Uri UpstreamEndpoint => _upstream!.Endpoint;

    /// <summary>The resource URI tokens for <c>/mcp/tools</c> must be bound to.</summary>
    internal static string Resource => $"{PublicUrl}/mcp/tools";

    private protected override async Task<GatewayCluster> StartAsync()
    {
        Provider = await KeepAsync(OidcProvider.StartAsync(new Dictionary<string, string>(Clients) { [ExchangerId] = ExchangerSecret }));
        _upstream = await KeepAsync(UpstreamServers.StartTestUpstreamAsync("subject-upstream"));
        var tools = UpstreamSpec.Http(_upstream.Endpoint, Policy);
        tools.Settings["TokenExchange"] = new JsonObject
        {
            ["Issuer"] = "local",
            ["ClientId"] = ExchangerId,
            ["ClientSecret"] = ExchangerSecret,
            ["Audience"] = UpstreamAudience,
        };
        return await GatewayCluster.StartAsync(
            replicas: 3,
            new Dictionary<string, UpstreamSpec> { ["tools"] = tools },
            new Dictionary<string, string[]> { ["static-team"] = ["tools"] },
            configure: gatehouse =>
            {
                gatehouse["PublicUrl"] = PublicUrl;
                gatehouse["Auth"] = new JsonObject { ["Issuers"] = new JsonObject { ["local"] = new JsonObject { ["Authority"] = Provider.Issuer } } };
                gatehouse["Grants"]!["team"] = new JsonObject
                {
                    ["Match"] = new JsonObject { ["client_id"] = new JsonArray("alice-app", "bob-app") },
                    ["Upstreams"] = new JsonArray("tools"),
                };
            });
    }
}
