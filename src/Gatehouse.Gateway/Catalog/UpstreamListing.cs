namespace Gatehouse.Gateway.Catalog;

/// <summary>How a replica last found an upstream when it listed its tools.</summary>
/// <param name="ListedAt">The last time a page of tools came back; null if never.</param>
/// <param name="FailedAt">The last failed listing, when it came after the last success.</param>
/// <param name="Failure">Why it failed.</param>
internal sealed record UpstreamListing(DateTimeOffset? ListedAt, DateTimeOffset? FailedAt, string? Failure)
{
    public static readonly UpstreamListing Never = new(null, null, null);
}
