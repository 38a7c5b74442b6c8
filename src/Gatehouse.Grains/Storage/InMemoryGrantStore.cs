using Gatehouse.Grains.Grants;

namespace Gatehouse.Grains;

/// <summary>Embedded default: admin-made grants live in their grain only (lost on restart; configured grants stay).</summary>
public sealed class InMemoryGrantStore : IGrantStore
{
    public Task<IReadOnlyList<StoredGrant>> LoadAllAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StoredGrant>>([]);

    public Task SaveAsync(StoredGrant grant, CancellationToken cancellationToken) => Task.CompletedTask;
}
