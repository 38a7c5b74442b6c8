using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Gatehouse.Gateway.Auth;

/// <summary>Registers the agents' authentication scheme (grant tokens) and its policy.</summary>
internal static class AuthenticationExtensions
{
    public static IServiceCollection AddGatehouseGrantAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<IGrantTokenValidator, RegistryGrantTokenValidator>();
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
