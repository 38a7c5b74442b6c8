using Gatehouse.Grains.Approvals;

namespace Gatehouse.Grains;

/// <summary>The pending approvals' ids; rebuilt from the store when it activates. The recently decided ones are not kept.</summary>
internal sealed class ApprovalIndexGrain(IApprovalStore store) : Grain, IApprovalIndexGrain
{
    private const int RecentCapacity = 50;

    private readonly SortedSet<string> _pending = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _recent = new();

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
        if (_pending.Remove(id))
        {
            _recent.Remove(id);
            _recent.AddFirst(id);
            if (_recent.Count > RecentCapacity)
            {
                _recent.RemoveLast();
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<string>> ListAsync() => ValueTask.FromResult<IReadOnlyList<string>>([.. _pending]);

    public ValueTask<IReadOnlyList<string>> RecentAsync() => ValueTask.FromResult<IReadOnlyList<string>>([.. _recent]);
}
