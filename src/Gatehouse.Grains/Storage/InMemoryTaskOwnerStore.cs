using Gatehouse.Grains.Tasks;

namespace Gatehouse.Grains;

/// <summary>Task owners kept only in their grain (the embedded default): lost if the silo dies, when the task's requests are refused as unknown.</summary>
public sealed class InMemoryTaskOwnerStore : ITaskOwnerStore
{
    public Task<TaskOwner?> LoadAsync(string key, CancellationToken cancellationToken) => Task.FromResult<TaskOwner?>(null);

    public Task<TaskOwner> AddAsync(string key, TaskOwner owner, CancellationToken cancellationToken) => Task.FromResult(owner);
}
