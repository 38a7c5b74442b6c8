using Gatehouse.Storage.Audit;

namespace Gatehouse.Audit.Tests.TestSupport;

/// <summary>A real store whose writes wait until the test opens the gate (or the writer cancels them).</summary>
internal sealed class GatedStore(IAuditStore inner) : IAuditStore
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first write has arrived and is waiting.</summary>
    public Task Entered => _entered.Task;

    public void Open() => _gate.TrySetResult();

    public async Task WriteAsync(IReadOnlyList<AuditEntry> batch, CancellationToken ct)
    {
        _entered.TrySetResult();
        await _gate.Task.WaitAsync(ct);
        await inner.WriteAsync(batch, ct);
    }

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken ct) => inner.QueryAsync(query, ct);
}
