namespace Gatehouse.Storage.Audit;

/// <summary>Where audit entries are kept: <see cref="PostgresAuditStore"/> or <see cref="SqliteAuditStore"/>.</summary>
public interface IAuditStore
{
    /// <summary>Stores <paramref name="batch"/> atomically (all rows or none), in one round trip or one transaction.</summary>
    Task WriteAsync(IReadOnlyList<AuditEntry> batch, CancellationToken ct);

    /// <summary>One page of the entries that match <paramref name="query"/>, newest first.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken ct);
}
