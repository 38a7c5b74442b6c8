using Gatehouse.Grains.Tasks;

namespace Gatehouse.Grains;

/// <summary>
/// The owner of one upstream task (see <see cref="ITaskOwnerGrain"/>), kept active until the task expires;
/// asking for a task nobody recorded leaves no activation behind.
/// </summary>
internal sealed class TaskOwnerGrain(TimeProvider time) : Grain, ITaskOwnerGrain
{
    private TaskOwner? _owner;

    public ValueTask<TaskOwner> RecordAsync(TaskOwner owner)
    {
        if (Current() is { } existing)
        {
            return ValueTask.FromResult(existing);
        }

        _owner = owner;
        var left = owner.ExpiresAt - time.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            DelayDeactivation(left);
        }

        return ValueTask.FromResult(owner);
    }

    public ValueTask<TaskOwner?> GetAsync()
    {
        var owner = Current();
        if (owner is null)
        {
            DeactivateOnIdle();
        }

        return ValueTask.FromResult(owner);
    }

    private TaskOwner? Current() => _owner is { } owner && owner.ExpiresAt > time.GetUtcNow() ? owner : null;
}
