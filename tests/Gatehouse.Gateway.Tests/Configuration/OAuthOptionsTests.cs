using Gatehouse.Gateway.Configuration;
using Gatehouse.Upstreams;
using Microsoft.Extensions.Configuration;

namespace Gatehouse.Gateway.Tests.Configuration;

/// <summary>The OAuth keys: <c>PublicUrl</c>, <c>Auth:Issuers</c>, <c>Grants:{id}:Match</c> — how they are read and what is refused.</summary>
public sealed class OAuthOptionsTests
{
    private static GatehouseOptions Valid() => new()
    {
        PublicUrl = "https://gatehouse.example.com",
        Auth = { Issuers = { ["corp"] = new IssuerOptions { Authority = new Uri("https://login.example.com/realms/agents") } } },
        Upstreams = { ["everything"] = new UpstreamOptions { Url = new Uri("http://127.0.0.1:3001/mcp"), Policy = "p.json" } },
        Grants = { ["ci"] = new GrantOptions { Upstreams = ["everything"], Match = { ["client_id"] = ["ci-agent"] } } },
    };

    private static IReadOnlyList<string> Faults(GatehouseOptions options) =>
        new GatehouseOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void A_grant_chosen_by_claims_needs_no_static_token() => Assert.Empty(Faults(Valid()));

    [Fact]
    public void Issuers_need_a_public_url_to_bind_tokens_to()
    {
        var options = Valid();
        options.PublicUrl = null;

        Assert.Contains(Faults(options), f => f.StartsWith("Gatehouse:Auth:Issuers needs Gatehouse:PublicUrl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://login.example.com", "must be https")]
    [InlineData("ftp://login.example.com", "absolute https URL")]
    public void An_issuer_must_be_https_except_on_loopback(string authority, string fault)
    {
        var options = Valid();
        options.Auth.Issuers["corp"].Authority = new Uri(authority);

        Assert.Contains(Faults(options), f => f.StartsWith("Gatehouse:Auth:Issuers:corp:Authority", StringComparison.Ordinal) && f.Contains(fault, StringComparison.Ordinal));

        options.Auth.Issuers["corp"].Authority = new Uri("http://127.0.0.1:9000");
        Assert.Empty(Faults(options));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("https://gatehouse.example.com/?x=1")]
    public void A_malformed_public_url_is_named(string publicUrl)
    {
        var options = Valid();
        options.PublicUrl = publicUrl;

        Assert.Contains(Faults(options), f => f.StartsWith("Gatehouse:PublicUrl must be", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_without_an_issuer_and_a_grant_with_neither_token_nor_match_are_named()
    {
        var options = Valid();
        options.Auth.Issuers.Clear();
        options.PublicUrl = null;
        options.Grants["bare"] = new GrantOptions { Upstreams = ["everything"] };

        var faults = Faults(options);

        Assert.Contains(faults, f => f.StartsWith("Gatehouse:Grants:ci:Match selects the grant by an OAuth token's claims, which needs an issuer", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("Gatehouse:Grants:bare:TokenSha256 must be", StringComparison.Ordinal));
    }

    [Fact]
    public void A_match_claim_may_name_one_value_or_a_list()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream("""
            { "Gatehouse": { "Grants": { "ci": { "Upstreams": ["everything"], "Match": { "client_id": "ci-agent", "groups": ["ops", "sre"] } } } } }
            """u8.ToArray())).Build();
        var section = configuration.GetSection(GatehouseOptions.SectionName);
        var options = section.Get<GatehouseOptions>()!;

        ClaimMatchSection.Apply(options, section);

        Assert.Equal(["ci-agent"], options.Grants["ci"].Match["client_id"]);
        Assert.Equal(["ops", "sre"], options.Grants["ci"].Match["groups"]);
    }

    [Fact]
    public void Token_exchange_names_a_trusted_issuer_and_a_client_and_is_for_http_upstreams()
    {
        var options = Valid();
        options.Upstreams["everything"].TokenExchange = new TokenExchangeOptions { Issuer = "elsewhere" };
        options.Upstreams["local"] = new UpstreamOptions { Command = "node", Policy = "p.json", TokenExchange = new TokenExchangeOptions { Issuer = "corp", ClientId = "gatehouse" } };

        var faults = Faults(options);

        Assert.Contains(faults, f => f.StartsWith("Gatehouse:Upstreams:everything:TokenExchange:Issuer must name an issuer", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("Gatehouse:Upstreams:everything:TokenExchange:ClientId is required", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("Gatehouse:Upstreams:local:TokenExchange applies to HTTP upstreams only", StringComparison.Ordinal));

        options.Upstreams.Remove("local");
        options.Upstreams["everything"].TokenExchange = new TokenExchangeOptions { Issuer = "corp", ClientId = "gatehouse", ClientSecret = "s" };
        Assert.Empty(Faults(options));
    }

    [Fact]
    public void Admin_match_is_read_like_a_grants_match_and_needs_an_issuer()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream("""
            { "Gatehouse": { "AdminMatch": { "sub": "ops@example.com", "groups": ["gatehouse-operators", ""] } } }
            """u8.ToArray())).Build();
        var section = configuration.GetSection(GatehouseOptions.SectionName);
        var bound = section.Get<GatehouseOptions>()!;
        ClaimMatchSection.Apply(bound, section);
        var options = Valid();
        options.AdminMatch = bound.AdminMatch;
        Assert.Equal(["ops@example.com"], options.AdminMatch["sub"]);
        Assert.Contains(Faults(options), f => f == "Gatehouse:AdminMatch:groups must name a value or a list of non-empty values.");

        options.AdminMatch["groups"] = ["gatehouse-operators"];
        Assert.Empty(Faults(options));
        options.Auth.Issuers.Clear();
        options.Grants.Clear();
        Assert.Contains(Faults(options), f => f.StartsWith("Gatehouse:AdminMatch selects operators by an OAuth token's claims, which needs an issuer", StringComparison.Ordinal));
    }
}
