namespace Gatehouse.Storage.Audit;

/// <summary>Which audit entries to read. Every filter that is set must match; results are newest first.</summary>
/// <param name="GrantId">Only this grant's calls, when set.</param>
/// <param name="Tool">Only calls of this tool, when set.</param>
/// <param name="Action">Only this action (one of <see cref="AuditActions.All"/>), when set.</param>
/// <param name="From">Only entries at or after this instant (inclusive), when set.</param>
/// <param name="To">Only entries before this instant (exclusive), when set.</param>
/// <param name="Page">Which page, from 1.</param>
/// <param name="PageSize">Entries per page, at least 1.</param>
public sealed record AuditQuery(string? GrantId, string? Tool, string? Action, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize)
{
    /// <summary>Rows to skip before the page: <c>(Page - 1) * PageSize</c>.</summary>
    public long Offset => (long)(Math.Max(Page, 1) - 1) * PageSize;
}
