using Gatehouse.Grains.Approvals;

namespace Gatehouse.Grains;

/// <summary>Where approvals are kept, so a pending one outlives the replicas that held it.</summary>
public interface IApprovalStore
{
    Task<ApprovalView?> LoadAsync(string id, CancellationToken cancellationToken);

    Task SaveAsync(ApprovalView approval, CancellationToken cancellationToken);

    /// <summary>The ids of the approvals still pending.</summary>
    Task<IReadOnlyList<string>> ListPendingAsync(CancellationToken cancellationToken);
}
