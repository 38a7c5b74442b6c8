using Gatehouse.Grains.Policies;

namespace Gatehouse.Grains;

/// <summary>Where policy grains keep the policy in force, so it outlives every replica.</summary>
public interface IPolicyRevisionStore
{
    Task<PolicyRevision?> LoadAsync(string upstream, CancellationToken cancellationToken);

    Task SaveAsync(string upstream, PolicyRevision revision, CancellationToken cancellationToken);
}
