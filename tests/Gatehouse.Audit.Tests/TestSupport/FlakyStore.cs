using Gatehouse.Storage.Audit;

namespace Gatehouse.Audit.Tests.TestSupport;

/// <summary>A real store behind a door: the first <c>failures</c> writes throw before reaching it.</summary>
internal sealed class FlakyStore(IAuditStore inner, int failures) : IAuditStore
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task WriteAsync(IReadOnlyList<AuditEntry> batch, CancellationToken ct) =>
        Interlocked.Increment(ref _calls) <= failures
            ? throw new IOException("the database is away")
            : inner.WriteAsync(batch, ct);

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken ct) => inner.QueryAsync(query, ct);
}
