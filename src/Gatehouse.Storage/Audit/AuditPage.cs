namespace Gatehouse.Storage.Audit;

/// <summary>One page of audit entries, newest first.</summary>
/// <param name="Entries">At most <paramref name="PageSize"/> entries.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The page size asked for.</param>
/// <param name="HasMore">True when a later page holds more entries.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, int PageSize, bool HasMore);
