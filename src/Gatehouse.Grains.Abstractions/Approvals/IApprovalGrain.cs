namespace Gatehouse.Grains.Approvals;

/// <summary>
/// A call held for a human decision, keyed by the digest of the exact call (grant, upstream, tool and
/// arguments): the same call repeated (an agent retrying after its replica died) finds the same
/// approval. An approval lets its call through once; the next identical call needs a new one.
/// </summary>
[Alias("Gatehouse.IApprovalGrain")]
public interface IApprovalGrain : IGrainWithStringKey
{
    /// <summary>Holds the call for a decision, or joins the request already pending (or approved and not yet used) for it.</summary>
    [Alias("Request")]
    ValueTask<ApprovalView> RequestAsync(ApprovalRequest request);

    /// <summary>Waits up to <paramref name="limit"/> for a decision on ticket <paramref name="ticket"/>; answers its state then.</summary>
    [Alias("Wait"), ResponseTimeout("00:05:00")]
    ValueTask<ApprovalView> WaitAsync(long ticket, TimeSpan limit, CancellationToken cancellationToken);

    /// <summary>Spends an approval: true once, for the call that forwards; false if it was spent or is not approved.</summary>
    [Alias("Consume")]
    ValueTask<bool> ConsumeAsync(long ticket);

    /// <summary>An operator's (or the agent's user's) decision on the pending request, with an optional note that explains it.</summary>
    [Alias("Decide")]
    ValueTask<ApprovalView?> DecideAsync(bool approve, string by, string? note);

    [Alias("Get")]
    ValueTask<ApprovalView?> GetAsync();
}
