using Gatehouse.Grains.Approvals;

namespace Gatehouse.Grains;

/// <summary>The pending approvals' ids; rebuilt from the store when it activates.</summary>
internal sealed class ApprovalIndexGrain(IApprovalStore store) : Grain, IApprovalIndexGrain
{
    private readonly SortedSet<string> _pending = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await store.ListPendingAsync(cancellationToken))
        {
            _pending.Add(id);
        }
    }

    public ValueTask AddAsync(string id)
    {
        _pending.Add(id);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string id)
    {
        _pending.Remove(id);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<string>> ListAsync() => ValueTask.FromResult<IReadOnlyList<string>>([.. _pending]);
}
