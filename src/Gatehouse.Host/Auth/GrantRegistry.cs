using Gatehouse.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Auth;

/// <summary>Finds the grant of a bearer token by the token's SHA-256; tokens themselves are never held.</summary>
internal sealed class GrantRegistry
{
    private readonly Dictionary<string, Grant> _byTokenHash;
    private readonly Dictionary<string, Grant> _byId;

    public GrantRegistry(IOptions<GatehouseOptions> options)
    {
        _byTokenHash = options.Value.Grants.ToDictionary(
            pair => pair.Value.TokenSha256!.ToLowerInvariant(),
            pair => new Grant(pair.Key, pair.Value.Upstreams.ToHashSet(StringComparer.Ordinal)),
            StringComparer.Ordinal);
        _byId = _byTokenHash.Values.ToDictionary(grant => grant.Id, StringComparer.Ordinal);
    }

    public Grant? FindById(string id) => _byId.GetValueOrDefault(id);

    public Grant? FindByToken(string token) =>
        _byTokenHash.GetValueOrDefault(TokenHash.Of(token));
}
