using Gatehouse.Gateway.Configuration;
using Gatehouse.Grains.Grants;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Auth;

/// <summary>
/// Finds the grant of a bearer token by the token's SHA-256; tokens themselves are never held. Grants
/// come from the configuration and from the admin API (kept in step by <see cref="GrantSync"/>); a
/// revoked grant is gone from here within the sync period.
/// </summary>
internal sealed class GrantRegistry
{
    private readonly IReadOnlyList<Grant> _configured;
    private volatile Lookup _lookup;

    public GrantRegistry(IOptions<GatehouseOptions> options)
    {
        _configured = [.. options.Value.Grants
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new Grant(pair.Key, pair.Value.Upstreams.ToHashSet(StringComparer.Ordinal), pair.Value.TokenSha256?.ToLowerInvariant())
            {
                Match = pair.Value.Match.ToDictionary(claim => claim.Key, IReadOnlyList<string> (claim) => claim.Value, StringComparer.Ordinal),
            })];
        _lookup = new Lookup(_configured);
    }

    /// <summary>The grants of the configuration, which the admin API cannot revoke.</summary>
    public IReadOnlyList<Grant> Configured => _configured;

    public Grant? FindByToken(string token) => _lookup.ByTokenHash.GetValueOrDefault(TokenHash.Of(token));

    public Grant? FindById(string id) => _lookup.ById.GetValueOrDefault(id);

    /// <summary>The first configured grant (by id, ordinal) whose <see cref="Grant.Match"/> the token's claims satisfy.</summary>
    public Grant? FindByClaims(Func<string, IReadOnlyList<string>> claimValues) =>
        _configured.FirstOrDefault(grant => grant.Match.Count > 0 && ClaimMatch.Satisfies(grant.Match, claimValues));

    public bool IsConfigured(string id) => _configured.Any(grant => grant.Id == id);

    /// <summary>Replaces the admin-made grants (revoked ones are dropped).</summary>
    public void Replace(IEnumerable<StoredGrant> stored) =>
        _lookup = new Lookup(_configured.Concat(stored
            .Where(grant => grant.RevokedAt is null && !IsConfigured(grant.Id))
            .Select(grant => new Grant(grant.Id, grant.Upstreams.ToHashSet(StringComparer.Ordinal), grant.TokenSha256))));

    private sealed class Lookup
    {
        public Lookup(IEnumerable<Grant> grants)
        {
            var all = grants.ToList();
            ByTokenHash = all.Where(grant => grant.TokenSha256 is not null).ToDictionary(grant => grant.TokenSha256!, StringComparer.Ordinal);
            ById = all.ToDictionary(grant => grant.Id, StringComparer.Ordinal);
        }

        public Dictionary<string, Grant> ByTokenHash { get; }

        public Dictionary<string, Grant> ById { get; }
    }
}
