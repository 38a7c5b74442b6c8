using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Auth;

/// <summary>
/// One gateway as an OAuth resource server in front of server-everything (Streamable HTTP), trusting a real local
/// OpenID provider. Grant <c>oauth-agent</c> is chosen by <c>client_id = ci-agent</c>; client <c>stranger</c> gets
/// valid tokens that match no grant; grant <c>static-agent</c> keeps a static token. Client <c>ops-app</c> is an operator
/// (<c>Gatehouse:AdminMatch</c>), and so is user <c>operator</c> when signing in to the console through the provider
/// (web client <c>gatehouse-console</c>). Client <c>opaque-agent</c> gets opaque access tokens, which Gatehouse introspects
/// as client <c>gatehouse-rs</c>; they choose grant <c>opaque-grant</c>.
/// </summary>
public sealed class OAuthFixture : IAsyncLifetime
{
    public const string ClientId = "ci-agent";
    public const string ClientSecret = "ci-agent-secret-for-tests";
    public const string StrangerId = "stranger";
    public const string StrangerSecret = "stranger-secret-for-tests";
    public const string OpsId = "ops-app";
    public const string OpsSecret = "ops-app-secret-for-tests";
    public const string ConsoleClientId = "gatehouse-console";
    public const string OpaqueId = "opaque-agent";
    public const string OpaqueSecret = "opaque-agent-secret-for-tests";
    public const string IntrospectorId = "gatehouse-rs";
    public const string IntrospectorSecret = "gatehouse-rs-secret-for-tests";
    public const string OperatorUser = "operator";

    private RunningUpstream? _everything;

    internal OidcProvider Provider { get; private set; } = null!;

    internal Gateway Gateway { get; private set; } = null!;

    /// <summary>The resource URI of <c>/mcp/everything</c>, which tokens must be bound to.</summary>
    internal string Resource => Gateway.EndpointOf("everything").ToString();

    /// <summary>The resource URI of the admin API, which operators' tokens must be bound to.</summary>
    internal string AdminResource => new Uri(Gateway.BaseUrl, "/admin").ToString();

    public async Task InitializeAsync()
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        Provider = await OidcProvider.StartAsync(
            new Dictionary<string, string>
            {
                [ClientId] = ClientSecret, [StrangerId] = StrangerSecret, [OpsId] = OpsSecret, [OpaqueId] = OpaqueSecret, [IntrospectorId] = IntrospectorSecret,
            },
            new Dictionary<string, Uri> { [ConsoleClientId] = new Uri(baseUrl, "/console/session/oidc/callback") });
        _everything = await UpstreamServers.StartEverythingAsync();
        Gateway = await Gateway.StartAsync(
            new Dictionary<string, UpstreamSpec> { ["everything"] = UpstreamSpec.Http(_everything.Endpoint, Policies.Everything) },
            new Dictionary<string, string[]> { ["static-agent"] = ["everything"] },
            gatehouse =>
            {
                gatehouse["PublicUrl"] = baseUrl.ToString().TrimEnd('/');
                gatehouse["Auth"] = new JsonObject
                {
                    ["Issuers"] = new JsonObject
                    {
                        ["local"] = new JsonObject
                        {
                            ["Authority"] = Provider.Issuer,
                            ["Introspection"] = new JsonObject { ["ClientId"] = IntrospectorId, ["ClientSecret"] = IntrospectorSecret },
                        },
                    },
                };
                // Asks for a scope no client here gets: the stranger's 403 names it.
                gatehouse["Grants"]!["scoped-grant"] = new JsonObject
                {
                    ["Match"] = new JsonObject { ["client_id"] = StrangerId, ["scope"] = "mcp:tools:write" },
                    ["Upstreams"] = new JsonArray("everything"),
                };
                gatehouse["Grants"]!["opaque-grant"] = new JsonObject
                {
                    ["Match"] = new JsonObject { ["client_id"] = OpaqueId },
                    ["Upstreams"] = new JsonArray("everything"),
                };
                // Operators: the ops-app client (its tokens' client_id), or the provider's user "operator" (an ID token's sub).
                gatehouse["AdminMatch"] = new JsonObject { ["sub"] = new JsonArray(OpsId, OperatorUser) };
                gatehouse["Console"] = new JsonObject { ["Oidc"] = new JsonObject { ["Issuer"] = "local", ["ClientId"] = ConsoleClientId } };
                gatehouse["Grants"]!["oauth-agent"] = new JsonObject
                {
                    ["Match"] = new JsonObject { ["client_id"] = ClientId },
                    ["Upstreams"] = new JsonArray("everything"),
                };
            },
            baseUrl);
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (_everything is not null)
        {
            await _everything.DisposeAsync();
        }

        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }
}
