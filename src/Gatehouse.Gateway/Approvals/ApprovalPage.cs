namespace Gatehouse.Gateway.Approvals;

/// <summary>Where an operator decides one approval: its page in the console, when the console's URL is known.</summary>
/// <param name="consoleUrl">The console's base URL (<c>Gatehouse:Approvals:ConsoleUrl</c>, else <c>{PublicUrl}/console/</c>); null: no links.</param>
public sealed class ApprovalPage(string? consoleUrl)
{
    /// <summary>The console page of approval <paramref name="approvalId"/>; null without a console URL.</summary>
    public string? LinkTo(string approvalId) =>
        consoleUrl is { Length: > 0 } console ? $"{console.TrimEnd('/')}/#/approvals/{Uri.EscapeDataString(approvalId)}" : null;
}
