namespace Gatehouse.Host.Approvals;

/// <summary>The <c>Gatehouse:Approvals</c> configuration section: who hears of a held call.</summary>
public sealed class ApprovalsOptions
{
    public const string SectionName = "Gatehouse:Approvals";

    /// <summary>
    /// A URL that gets a POST (JSON: a human-readable <c>text</c>, the approval's fields and a <c>url</c> to it in the
    /// console) for each new pending approval; retried with backoff, never delaying the held call. Default: none.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// The console's address as operators reach it, for the link in each notification. Default:
    /// <c>{Gatehouse:PublicUrl}/console/</c>, else no link.
    /// </summary>
    public string? ConsoleUrl { get; set; }
}
