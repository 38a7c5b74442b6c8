using Gatehouse.Storage.Audit;

namespace Gatehouse.Gateway.Audit;

/// <summary>Takes audit entries on the request path.</summary>
internal interface IAuditLog
{
    /// <summary>Queues <paramref name="entry"/> to be written; never blocks and never throws (a full queue drops and counts it).</summary>
    void Record(AuditEntry entry);
}
