namespace Gatehouse.Upstreams;

/// <summary>The configured upstreams by name (ordinal, case-sensitive: names appear in URLs and tool prefixes).</summary>
public sealed class UpstreamCatalog(IReadOnlyDictionary<string, UpstreamOptions> upstreams)
{
    public IReadOnlyDictionary<string, UpstreamOptions> Upstreams { get; } = upstreams;

    public UpstreamOptions Get(string name) =>
        Upstreams.TryGetValue(name, out var options)
            ? options
            : throw new KeyNotFoundException($"No upstream named '{name}' is configured.");
}
