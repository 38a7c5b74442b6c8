using System.Security.Claims;
using Gatehouse.Gateway.Auth.OAuth;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Auth;

/// <summary>Registers the agents' authentication scheme (grant tokens) and its policy.</summary>
internal static class AuthenticationExtensions
{
    /// <summary>The named HTTP client that fetches issuers' discovery documents and keys.</summary>
    private const string OAuthIssuersClient = "gatehouse-oauth-issuers";

    public static IServiceCollection AddGatehouseGrantAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<RegistryGrantTokenValidator>();
        services.AddHttpClient(OAuthIssuersClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IReadOnlyList<IssuerKeys>>(provider =>
        {
            var http = provider.GetRequiredService<IHttpClientFactory>();
            var time = provider.GetRequiredService<TimeProvider>();
            return [.. provider.GetRequiredService<IOptions<GatehouseOptions>>().Value.Auth.Issuers
                .Select(issuer => new IssuerKeys(issuer.Key, issuer.Value.Authority!, http.CreateClient(OAuthIssuersClient), time))];
        });
        services.AddSingleton<AccessTokenVerifier>();
        services.AddHttpClient(TokenIntrospector.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<TokenIntrospector>();
        services.AddHttpClient(TokenExchanger.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<TokenExchanger>();
        services.AddSingleton<UpstreamDelegation>();
        // Static grant tokens alone, unless an OAuth issuer is trusted: then access tokens too.
        services.AddSingleton<IGrantTokenValidator>(provider =>
            provider.GetRequiredService<IReadOnlyList<IssuerKeys>>().Count == 0
                ? provider.GetRequiredService<RegistryGrantTokenValidator>()
                : ActivatorUtilities.CreateInstance<AccessTokenGrantValidator>(provider));
        // No default scheme: each endpoint names its own through its policy, so /healthz and /metrics stay open.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, GrantAuthenticationHandler>(GrantAuthentication.Scheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(GrantAuthentication.Policy, policy => policy
                .AddAuthenticationSchemes(GrantAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ClaimTypes.NameIdentifier));
        return services;
    }
}
