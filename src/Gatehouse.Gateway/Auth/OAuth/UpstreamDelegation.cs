using Gatehouse.Upstreams;
using ModelContextProtocol;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// Whose credentials a request to an upstream carries: the gateway's own, unless the upstream has
/// <c>TokenExchange</c> and the agent presented an OAuth access token — then a token for the upstream acting for the
/// agent's end user (<see cref="TokenExchanger"/>), which the caller puts in force with <c>UpstreamBearer.Token.Use</c>
/// while it sends the request (an async context set inside this method would not reach the caller).
/// </summary>
internal sealed class UpstreamDelegation(UpstreamCatalog upstreams, TokenExchanger exchanger)
{
    /// <summary>Whether <paramref name="upstream"/> acts for agents' end users (it has <c>TokenExchange</c>), so its answers may depend on who asks.</summary>
    public bool ActsForEndUser(string upstream) =>
        upstreams.Upstreams.TryGetValue(upstream, out var options) && options.TokenExchange is not null;

    /// <summary>The end user's token for <paramref name="upstream"/>; null when the gateway's own credentials apply.</summary>
    /// <exception cref="McpProtocolException">The token could not be exchanged: the request does not go upstream.</exception>
    public async ValueTask<string?> TokenForAgentAsync(string upstream, CancellationToken cancellationToken)
    {
        if (AgentAccessToken.Token.Value is not { } token
            || !upstreams.Upstreams.TryGetValue(upstream, out var options)
            || options.TokenExchange is null)
        {
            return null;
        }

        try
        {
            return await exchanger.ExchangeAsync(token, upstream, options, cancellationToken);
        }
        catch (TokenExchangeException ex)
        {
            throw new McpProtocolException($"Upstream '{upstream}' acts for the end user, and the agent's token could not be exchanged for it: {ex.Message}.", McpErrorCode.InternalError);
        }
    }
}
