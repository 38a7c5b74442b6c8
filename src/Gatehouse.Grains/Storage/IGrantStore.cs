using Gatehouse.Grains.Grants;

namespace Gatehouse.Grains;

/// <summary>Where the grants made through the admin API are kept.</summary>
public interface IGrantStore
{
    Task<IReadOnlyList<StoredGrant>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the grant (revocation is a replace with <see cref="StoredGrant.RevokedAt"/> set).</summary>
    Task SaveAsync(StoredGrant grant, CancellationToken cancellationToken);
}
