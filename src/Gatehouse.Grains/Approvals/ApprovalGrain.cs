using Gatehouse.Grains.Approvals;
using Orleans.Concurrency;

namespace Gatehouse.Grains;

/// <summary>
/// One call's approval. Reentrant so that decisions arrive while callers wait; every state change is
/// made on the grain's turn without an await between check and change, and saved before it is answered.
/// </summary>
[Reentrant]
internal sealed class ApprovalGrain(IApprovalStore store, IApprovalNotifier notifier, TimeProvider time) : Grain, IApprovalGrain
{
    private ApprovalView? _approval;
    private TaskCompletionSource _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private string Id => this.GetPrimaryKeyString();

    private IApprovalIndexGrain Index => GrainFactory.GetGrain<IApprovalIndexGrain>("all");

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _approval = await store.LoadAsync(Id, cancellationToken);

    public async ValueTask<ApprovalView> RequestAsync(ApprovalRequest request)
    {
        if (Current() is { State: ApprovalState.Pending or ApprovalState.Approved } open)
        {
            return open;
        }

        var now = time.GetUtcNow();
        _approval = new ApprovalView(Id, (_approval?.Ticket ?? 0) + 1, ApprovalState.Pending, request, now, now.AddSeconds(request.TimeoutSeconds), null, null);
        _decided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = _approval;
        await store.SaveAsync(pending, CancellationToken.None);
        await Index.AddAsync(Id);
        notifier.Pending(pending);
        return pending;
    }

    public async ValueTask<ApprovalView> WaitAsync(long ticket, TimeSpan limit, CancellationToken cancellationToken)
    {
        var current = Current() ?? throw new InvalidOperationException("No approval was requested.");
        if (current.Ticket == ticket && current.State == ApprovalState.Pending)
        {
            var untilExpiry = current.ExpiresAt - time.GetUtcNow();
            var wait = untilExpiry < limit ? untilExpiry : limit;
            try
            {
                await _decided.Task.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Undecided so far; the state below says whether the request also expired.
            }
        }

        return await SettleAsync();
    }

    public async ValueTask<bool> ConsumeAsync(long ticket)
    {
        if (Current() is not { State: ApprovalState.Approved } approved || approved.Ticket != ticket)
        {
            return false;
        }

        _approval = approved with { State = ApprovalState.Consumed };
        await store.SaveAsync(_approval, CancellationToken.None);
        return true;
    }

    public async ValueTask<ApprovalView?> DecideAsync(bool approve, string by, string? note)
    {
        if (Current() is not { State: ApprovalState.Pending } pending)
        {
            return Current();
        }

        _approval = pending with { State = approve ? ApprovalState.Approved : ApprovalState.Denied, DecidedAt = time.GetUtcNow(), DecidedBy = by, Note = note };
        var decided = _approval;
        await store.SaveAsync(decided, CancellationToken.None);
        await Index.RemoveAsync(Id);
        _decided.TrySetResult();
        return decided;
    }

    public ValueTask<ApprovalView?> GetAsync() => ValueTask.FromResult(Current());

    /// <summary>The approval, with a pending one past its deadline marked timed out.</summary>
    private ApprovalView? Current()
    {
        if (_approval is { State: ApprovalState.Pending } pending && time.GetUtcNow() >= pending.ExpiresAt)
        {
            _approval = pending with { State = ApprovalState.TimedOut, DecidedAt = pending.ExpiresAt, DecidedBy = "timeout" };
            _decided.TrySetResult();
        }

        return _approval;
    }

    private async ValueTask<ApprovalView> SettleAsync()
    {
        var before = _approval;
        var current = Current()!;
        if (before?.State == ApprovalState.Pending && current.State == ApprovalState.TimedOut)
        {
            await store.SaveAsync(current, CancellationToken.None);
            await Index.RemoveAsync(Id);
        }

        return current;
    }
}
