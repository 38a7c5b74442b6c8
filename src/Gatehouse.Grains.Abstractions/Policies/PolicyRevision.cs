namespace Gatehouse.Grains.Policies;

/// <summary>One adopted policy document.</summary>
/// <param name="Json">The document, as given.</param>
/// <param name="Revision">Gatehouse's number for it: 1, 2, … per upstream.</param>
/// <param name="Source"><c>file</c> or <c>admin</c>.</param>
/// <param name="ContentSha256">SHA-256 of the document text.</param>
/// <param name="ChangedAt">When it was adopted.</param>
/// <param name="LastFileSha256">SHA-256 of the last file content proposed, whatever is in force now.</param>
[GenerateSerializer, Immutable, Alias("Gatehouse.PolicyRevision")]
public sealed record PolicyRevision(
    [property: Id(0)] string Json,
    [property: Id(1)] long Revision,
    [property: Id(2)] string Source,
    [property: Id(3)] string ContentSha256,
    [property: Id(4)] DateTimeOffset ChangedAt,
    [property: Id(5)] string? LastFileSha256);
