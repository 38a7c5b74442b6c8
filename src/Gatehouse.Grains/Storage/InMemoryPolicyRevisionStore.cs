using Gatehouse.Grains.Policies;

namespace Gatehouse.Grains;

/// <summary>Embedded default: the policy in force lives in its grain; after a restart the files rule again.</summary>
public sealed class InMemoryPolicyRevisionStore : IPolicyRevisionStore
{
    public Task<PolicyRevision?> LoadAsync(string upstream, CancellationToken cancellationToken) => Task.FromResult<PolicyRevision?>(null);

    public Task SaveAsync(string upstream, PolicyRevision revision, CancellationToken cancellationToken) => Task.CompletedTask;
}
