using System.Text.Json;
using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// Opaque access tokens (RFC 7662): asks each issuer configured with <c>Introspection</c> about the token, as Gatehouse's
/// own client there, at the issuer's <c>introspection_endpoint</c>. The answer must be <c>active</c>, from that issuer
/// (<c>iss</c>, when given), unexpired, and name the audience a JWT would need (the endpoint's resource URI or the
/// issuer's <c>Audience</c>); its members are the token's claims. Answers are kept per replica, by the token's SHA-256,
/// until the token expires but at most a minute (a refusal ten seconds), so a revocation takes effect within a minute.
/// </summary>
internal sealed partial class TokenIntrospector(
    IReadOnlyList<IssuerKeys> issuers, IOptions<GatehouseOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<TokenIntrospector> logger)
{
    /// <summary>The named HTTP client introspection requests go through.</summary>
    public const string HttpClientName = "gatehouse-oauth-introspection";

    public static readonly TimeSpan MaxKeep = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan RefusalKeep = TimeSpan.FromSeconds(10);

    private readonly KeptAnswers<VerifiedToken> _kept = new();

    private readonly (IssuerKeys Issuer, IntrospectionOptions Client)[] _introspecting =
        [.. issuers.Select(issuer => (Issuer: issuer, Client: options.Value.Auth.Issuers[issuer.Name].Introspection))
            .Where(pair => pair.Client is { ClientId: not null })
            .Select(pair => (pair.Issuer, pair.Client!))];

    /// <summary>Whether any issuer is set up for introspection.</summary>
    public bool IsEnabled => _introspecting.Length > 0;

    public async Task<VerifiedToken> IntrospectAsync(string token, string? resource, CancellationToken cancellationToken)
    {
        var key = KeptAnswers<VerifiedToken>.KeyOf(token, resource);
        var now = time.GetUtcNow();
        if (_kept.TryGet(key, now, out var kept))
        {
            return kept;
        }

        VerifiedToken? answer = null;
        foreach (var (issuer, client) in _introspecting)
        {
            answer = await AskAsync(issuer, client, token, options.Value.Auth.Issuers[issuer.Name].Audience ?? resource, cancellationToken);
            if (answer.Failure is null)
            {
                break;
            }
        }

        answer ??= VerifiedToken.Failed("No issuer here introspects opaque access tokens.");
        var expires = answer.ValuesOf("exp").FirstOrDefault() is { } exp && long.TryParse(exp, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : now + MaxKeep;
        _kept.Keep(key, answer, answer.Failure is null ? Min(expires, now + MaxKeep) : now + RefusalKeep);
        return answer;
    }

    private async Task<VerifiedToken> AskAsync(IssuerKeys issuer, IntrospectionOptions client, string token, string? audience, CancellationToken cancellationToken)
    {
        if (audience is null)
        {
            return VerifiedToken.Failed("Gatehouse:PublicUrl is not set, so no access token can be bound to this resource.");
        }

        JsonElement body;
        try
        {
            if ((await issuer.GetAsync(cancellationToken)).IntrospectionEndpoint is not { } endpoint)
            {
                return VerifiedToken.Failed("The issuer's discovery document names no introspection_endpoint.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["token_type_hint"] = "access_token" }),
            };
            request.Headers.Authorization = ClientSecretBasic.Header(client.ClientId!, client.ClientSecret);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(issuer.Name, (int)response.StatusCode);
                return VerifiedToken.Failed("The access token's issuer could not be asked about it.");
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            body = document.RootElement.Clone();
        }
        catch (Exception ex) when (ex is IssuerUnavailableException or HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(issuer.Name, ex.Message);
            return VerifiedToken.Failed("The access token's issuer could not be reached to check it.");
        }

        return Judge(body, issuer, audience);
    }

    private VerifiedToken Judge(JsonElement body, IssuerKeys issuer, string audience)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("active", out var active) || active.ValueKind != JsonValueKind.True)
        {
            return VerifiedToken.Failed("The access token is not active (unknown, expired or revoked).");
        }

        var answer = VerifiedToken.Introspected(body, issuer.Name);
        if (answer.ValuesOf("iss").FirstOrDefault() is { } iss && iss.TrimEnd('/') != issuer.Issuer)
        {
            return VerifiedToken.Failed("The access token's issuer is not trusted here.");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (answer.ValuesOf("exp").FirstOrDefault() is { } exp && long.TryParse(exp, out var expires) && expires <= now)
        {
            return VerifiedToken.Failed("The access token has expired.");
        }

        if (answer.ValuesOf("nbf").FirstOrDefault() is { } nbf && long.TryParse(nbf, out var notBefore) && notBefore > now + 30)
        {
            return VerifiedToken.Failed("The access token is not valid yet.");
        }

        return answer.ValuesOf("aud").Contains(audience, StringComparer.Ordinal)
            ? answer
            : VerifiedToken.Failed("The access token was issued for another resource (its audience is not this endpoint).");
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "OAuth issuer {Issuer} refused to introspect a token: HTTP {Status}")]
    private partial void LogRefused(string issuer, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OAuth issuer {Issuer} could not be asked to introspect a token: {Reason}")]
    private partial void LogUnavailable(string issuer, string reason);
}
