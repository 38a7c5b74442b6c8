using Gatehouse.Grains.Tasks;

namespace Gatehouse.Grains;

/// <summary>
/// The owner of one upstream task (see <see cref="ITaskOwnerGrain"/>), kept in its store (PostgreSQL when the cluster has
/// one) and loaded when the grain activates, so the record outlives the silo that held it; kept active until the task
/// expires. Asking for a task nobody recorded leaves no activation behind. Placed on the replica that records it, which
/// is the one that served the call.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
internal sealed class TaskOwnerGrain(ITaskOwnerStore store, TimeProvider time) : Grain, ITaskOwnerGrain
{
    private TaskOwner? _owner;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _owner = await store.LoadAsync(this.GetPrimaryKeyString(), cancellationToken);
        KeepUntilExpiry();
    }

    public async ValueTask<TaskOwner> RecordAsync(TaskOwner owner)
    {
        if (Current() is { } existing)
        {
            return existing;
        }

        _owner = await store.AddAsync(this.GetPrimaryKeyString(), owner, CancellationToken.None);
        KeepUntilExpiry();
        return _owner;
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

    private void KeepUntilExpiry()
    {
        var left = (Current()?.ExpiresAt ?? time.GetUtcNow()) - time.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            DelayDeactivation(left);
        }
    }

    private TaskOwner? Current() => _owner is { } owner && owner.ExpiresAt > time.GetUtcNow() ? owner : null;
}
