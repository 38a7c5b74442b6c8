using System.Diagnostics;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Gatehouse.Gateway.Auth.OAuth;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Routing;
using Gatehouse.Telemetry;
using Gatehouse.Upstreams;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Auth;

/// <summary>
/// Authenticates agents on the MCP endpoints: the bearer token, checked by the <see cref="IGrantTokenValidator"/>,
/// selects the grant, whose id the principal carries (<see cref="ClaimTypes.NameIdentifier"/>) and which is
/// kept on the request as a <see cref="GrantFeature"/>. A missing, unknown or revoked token — or an OAuth access
/// token that is not valid for this endpoint — gets 401 with <c>WWW-Authenticate: Bearer realm="gatehouse"</c>
/// (plus <c>resource_metadata</c> when <c>Gatehouse:PublicUrl</c> is set, and <c>error="invalid_token"</c> when a
/// token was presented) and a JSON body saying why; a valid access token whose claims match no grant gets 403.
/// </summary>
internal sealed class GrantAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrantTokenValidator tokens,
    UpstreamCatalog upstreams,
    IOptions<GatehouseOptions> gatehouse)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The authentication type of the principal (the MCP SDK compares it across a session's requests).</summary>
    public const string AuthenticationType = "Gatehouse";

    private readonly string? _publicUrl = gatehouse.Value.PublicUrl;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var resolution = await tokens.ResolveAsync(token, ResourceUris.Of(_publicUrl, Context), Context.RequestAborted);
        if (resolution.Grant is not { } grant)
        {
            Context.Features.Set(resolution);
            return AuthenticateResult.Fail(resolution.Reason);
        }

        Context.Features.Set(new GrantFeature(grant, resolution.Subject, resolution.ClientId));
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, grant.Id)];
        if (resolution.Subject is { } subject)
        {
            claims.Add(new Claim("sub", subject));
            Activity.Current?.SetTag(TelemetryAttributes.Subject, subject);
        }

        if (resolution.ClientId is { } clientId)
        {
            claims.Add(new Claim("client_id", clientId));
            Activity.Current?.SetTag(TelemetryAttributes.ClientId, clientId);
        }

        // Only when some upstream trades the agent's token (RFC 8693) does the principal keep it, for that exchange.
        if (upstreams.ExchangesTokens && (resolution.Subject ?? resolution.ClientId) is not null)
        {
            claims.Add(new Claim(ClaimsPrincipalGrantExtensions.AccessTokenClaim, token));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // An unknown static token is answered like no token; an access token that is not valid is told why.
        var refused = Context.Features.Get<GrantResolution>() is { Refusal: not GrantRefusal.UnknownToken } resolution ? resolution : null;
        var upstream = RouteValues.UpstreamOf(Context);
        var metadata = _publicUrl is null ? string.Empty : $", resource_metadata=\"{ResourceUris.MetadataOf(_publicUrl, upstream)}\"";
        if (refused?.Refusal == GrantRefusal.NoMatchingGrant)
        {
            // A valid token without what this endpoint's grants ask for: the client may ask its issuer for those scopes.
            var scopes = EndpointScopes.Of(gatehouse.Value, upstream);
            var scope = scopes.Count == 0 ? string.Empty : $", scope=\"{string.Join(' ', scopes)}\"";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Response.Headers.WWWAuthenticate = $"Bearer realm=\"gatehouse\", error=\"insufficient_scope\"{scope}{metadata}";
            return Response.WriteAsJsonAsync(new { error = "forbidden", message = refused.Reason });
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var challenge = "Bearer realm=\"gatehouse\"" + metadata;

        if (refused is not null)
        {
            challenge += $", error=\"invalid_token\", error_description=\"{refused.Reason}\"";
        }

        Response.Headers.WWWAuthenticate = challenge;
        return Response.WriteAsJsonAsync(new { error = "unauthorized", message = refused?.Reason ?? "A valid bearer token is required." });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Response.WriteAsJsonAsync(new { error = "forbidden", message = "This grant may not use this endpoint." });
    }
}
