using Gatehouse.Grains.Grants;

namespace Gatehouse.Grains;

/// <summary>Holds the admin-made grants; each change is saved before it is answered and raises the version.</summary>
internal sealed class GrantsGrain(IGrantStore store) : Grain, IGrantsGrain
{
    private readonly Dictionary<string, StoredGrant> _grants = new(StringComparer.Ordinal);
    // A new activation starts from a number no replica can hold, so every replica refreshes.
    private long _version = Random.Shared.NextInt64(1, long.MaxValue / 2);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var grant in await store.LoadAllAsync(cancellationToken))
        {
            _grants[grant.Id] = grant;
        }
    }

    public ValueTask<GrantsSnapshot?> GetSinceAsync(long knownVersion) =>
        ValueTask.FromResult(knownVersion == _version ? null : new GrantsSnapshot(_version, [.. _grants.Values]));

    public async ValueTask<bool> CreateAsync(StoredGrant grant)
    {
        if (_grants.ContainsKey(grant.Id))
        {
            return false;
        }

        await store.SaveAsync(grant, CancellationToken.None);
        _grants[grant.Id] = grant;
        _version++;
        return true;
    }

    public async ValueTask<bool> RevokeAsync(string id, DateTimeOffset at)
    {
        if (!_grants.TryGetValue(id, out var grant) || grant.RevokedAt is not null)
        {
            return grant is not null;
        }

        var revoked = grant with { RevokedAt = at };
        await store.SaveAsync(revoked, CancellationToken.None);
        _grants[id] = revoked;
        _version++;
        return true;
    }
}
