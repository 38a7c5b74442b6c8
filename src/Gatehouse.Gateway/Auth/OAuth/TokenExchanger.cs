using System.Text.Json;
using Gatehouse.Upstreams;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// OAuth 2.0 Token Exchange (RFC 8693) for upstreams that must act for the end user (<c>Upstreams:{name}:TokenExchange</c>):
/// trades the agent's access token at the issuer's token endpoint for one whose audience is the upstream, as Gatehouse's
/// own client there. The token got is kept per replica, by the agent token's SHA-256 and the upstream, until 30 s
/// before it expires; the agent's own token never goes upstream.
/// </summary>
internal sealed partial class TokenExchanger(IReadOnlyList<IssuerKeys> issuers, IHttpClientFactory http, TimeProvider time, ILogger<TokenExchanger> logger)
{
    public const string HttpClientName = "gatehouse-oauth-token-exchange";
    private const string GrantType = "urn:ietf:params:oauth:grant-type:token-exchange";
    private const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    private readonly KeptAnswers<string> _kept = new();

    /// <summary>A token for <paramref name="upstream"/> acting for the holder of <paramref name="subjectToken"/>.</summary>
    /// <exception cref="TokenExchangeException">The issuer could not be reached or would not exchange the token.</exception>
    public async Task<string> ExchangeAsync(string subjectToken, string upstream, UpstreamOptions options, CancellationToken cancellationToken)
    {
        var exchange = options.TokenExchange!;
        var key = KeptAnswers<string>.KeyOf(subjectToken, upstream);
        var now = time.GetUtcNow();
        if (_kept.TryGet(key, now, out var kept))
        {
            return kept;
        }

        var issuer = issuers.FirstOrDefault(candidate => candidate.Name == exchange.Issuer)
            ?? throw new TokenExchangeException($"no issuer '{exchange.Issuer}' is configured");
        try
        {
            var endpoint = (await issuer.GetAsync(cancellationToken)).TokenEndpoint
                ?? throw new TokenExchangeException("the issuer's discovery document names no token_endpoint");
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = GrantType,
                ["subject_token"] = subjectToken,
                ["subject_token_type"] = AccessTokenType,
                ["requested_token_type"] = AccessTokenType,
                ["audience"] = exchange.Audience ?? options.Url!.ToString(),
            };
            if (exchange.Scope is { } scope)
            {
                form["scope"] = scope;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Authorization = ClientSecretBasic.Header(exchange.ClientId!, exchange.ClientSecret);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var answer = body.RootElement;
            if (!response.IsSuccessStatusCode || !answer.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } exchanged)
            {
                var error = answer.TryGetProperty("error", out var code) ? code.GetString() : $"HTTP {(int)response.StatusCode}";
                throw new TokenExchangeException($"the issuer refused the exchange ({error})");
            }

            var lifetime = answer.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var value) ? TimeSpan.FromSeconds(value) : TimeSpan.Zero;
            if (lifetime > Margin)
            {
                _kept.Keep(key, exchanged, now + lifetime - Margin);
            }

            return exchanged;
        }
        catch (Exception ex) when (ex is IssuerUnavailableException or HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(upstream, ex.Message);
            throw new TokenExchangeException($"the issuer could not be reached ({ex.Message})", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token exchange for upstream {Upstream} failed: {Reason}")]
    private partial void LogUnavailable(string upstream, string reason);
}
