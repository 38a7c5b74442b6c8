using Gatehouse.Grains.Tasks;

namespace Gatehouse.Grains;

/// <summary>Where task owners are kept, so a task stays its owner's after the silo that held its record stops.</summary>
public interface ITaskOwnerStore
{
    /// <summary>The owner recorded for the task, or null (never recorded, or expired and removed).</summary>
    Task<TaskOwner?> LoadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records the owner unless one is recorded already (an unexpired one); returns the owner in force.</summary>
    Task<TaskOwner> AddAsync(string key, TaskOwner owner, CancellationToken cancellationToken);
}
