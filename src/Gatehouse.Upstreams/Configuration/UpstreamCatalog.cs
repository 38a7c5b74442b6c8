namespace Gatehouse.Upstreams;

/// <summary>The configured upstreams by name (ordinal, case-sensitive: names appear in URLs and tool prefixes).</summary>
public sealed class UpstreamCatalog(IReadOnlyDictionary<string, UpstreamOptions> upstreams)
{
    public IReadOnlyDictionary<string, UpstreamOptions> Upstreams { get; } = upstreams;

    /// <summary>Whether any upstream acts for the end user by exchanging agents' tokens (RFC 8693).</summary>
    public bool ExchangesTokens { get; } = upstreams.Values.Any(upstream => upstream.TokenExchange is not null);

    public UpstreamOptions Get(string name) =>
        Upstreams.TryGetValue(name, out var options)
            ? options
            : throw new KeyNotFoundException($"No upstream named '{name}' is configured.");
}
