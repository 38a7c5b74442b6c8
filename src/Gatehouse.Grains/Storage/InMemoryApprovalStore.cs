using Gatehouse.Grains.Approvals;

namespace Gatehouse.Grains;

/// <summary>Embedded default: approvals live in their grains (one replica, so nothing else can lose them).</summary>
public sealed class InMemoryApprovalStore : IApprovalStore
{
    public Task<ApprovalView?> LoadAsync(string id, CancellationToken cancellationToken) => Task.FromResult<ApprovalView?>(null);

    public Task SaveAsync(ApprovalView approval, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> ListPendingAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
}
