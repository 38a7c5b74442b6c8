namespace Gatehouse.Host.Admin;

/// <summary>The optional body of <c>POST /admin/approvals/{id}/approve</c> and <c>/deny</c>: a note that explains the decision.</summary>
internal sealed record ApprovalDecisionRequest(string? Note)
{
    /// <summary>The longest note kept, in characters.</summary>
    public const int MaxNoteLength = 500;
}
