using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// One trusted issuer's signing keys: its discovery document (<c>{Authority}/.well-known/openid-configuration</c>)
/// names its issuer and JWKS, fetched on first use and kept. A token signed with a key not yet seen (the issuer
/// rotated) fetches them again, at most once per <see cref="MinRefreshInterval"/> so that forged key ids cannot
/// make Gatehouse hammer the issuer; keys older than <see cref="MaxAge"/> are fetched again on next use.
/// </summary>
internal sealed class IssuerKeys(string name, Uri authority, HttpClient http, TimeProvider time)
{
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile Snapshot? _current;
    private long _lastAttemptTicks;

    /// <summary>The operator's name for this issuer (<c>Gatehouse:Auth:Issuers:{name}</c>).</summary>
    public string Name { get; } = name;

    /// <summary>The issuer identifier tokens carry as <c>iss</c>.</summary>
    public string Issuer { get; } = authority.ToString().TrimEnd('/');

    /// <summary>The keys now, fetched when none are held yet or they are older than <see cref="MaxAge"/>.</summary>
    public async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && time.GetElapsedTime(current.FetchedAt) < MaxAge)
        {
            return current;
        }

        return await FetchAsync(current, cancellationToken);
    }

    /// <summary>A token names a key not held: fetch again unless that was done very recently. Null when not fetched.</summary>
    public async ValueTask<Snapshot?> RefreshAsync(Snapshot seen, CancellationToken cancellationToken)
    {
        if (_current != seen || time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastAttemptTicks) < MinRefreshInterval.Ticks)
        {
            return _current == seen ? null : _current;
        }

        return await FetchAsync(seen, cancellationToken);
    }

    private async ValueTask<Snapshot> FetchAsync(Snapshot? seen, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fresher && fresher != seen)
            {
                return fresher;
            }

            Interlocked.Exchange(ref _lastAttemptTicks, time.GetUtcNow().UtcTicks);
            var discovery = await http.GetFromJsonAsync<Discovery>(new Uri(Issuer + "/.well-known/openid-configuration"), cancellationToken)
                ?? throw new IssuerUnavailableException($"issuer '{Name}': empty discovery document");
            if (discovery.Issuer?.TrimEnd('/') != Issuer)
            {
                throw new IssuerUnavailableException($"issuer '{Name}': the discovery document names issuer '{discovery.Issuer}', not '{Issuer}'");
            }

            if (discovery.JwksUri is not { IsAbsoluteUri: true } jwksUri)
            {
                throw new IssuerUnavailableException($"issuer '{Name}': the discovery document has no jwks_uri");
            }

            var jwks = new JsonWebKeySet(await http.GetStringAsync(jwksUri, cancellationToken));
            var snapshot = new Snapshot(jwks.GetSigningKeys(), time.GetTimestamp(), discovery.AuthorizationEndpoint, discovery.TokenEndpoint, discovery.IntrospectionEndpoint);
            _current = snapshot;
            return snapshot;
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or ArgumentException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new IssuerUnavailableException($"issuer '{Name}': {ex.Message}", ex);
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>The keys of one fetch, and the endpoints the discovery document named then (the console's sign-in, introspection).</summary>
    public sealed record Snapshot(IList<SecurityKey> Keys, long FetchedAt, Uri? AuthorizationEndpoint = null, Uri? TokenEndpoint = null, Uri? IntrospectionEndpoint = null);

    private sealed record Discovery(
        [property: JsonPropertyName("issuer")] string? Issuer,
        [property: JsonPropertyName("jwks_uri")] Uri? JwksUri,
        [property: JsonPropertyName("authorization_endpoint")] Uri? AuthorizationEndpoint,
        [property: JsonPropertyName("token_endpoint")] Uri? TokenEndpoint,
        [property: JsonPropertyName("introspection_endpoint")] Uri? IntrospectionEndpoint);
}
