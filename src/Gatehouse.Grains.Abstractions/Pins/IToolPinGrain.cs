namespace Gatehouse.Grains.Pins;

/// <summary>
/// The tool catalogue of one upstream (keyed by upstream name): every tool definition a replica has
/// seen, pinned when first seen. A different definition later is held as pending; where pinning is on,
/// the tool is hidden and refused until an operator accepts it. Replicas follow the grain by its etag.
/// </summary>
[Alias("Gatehouse.IToolPinGrain")]
public interface IToolPinGrain : IGrainWithStringKey
{
    /// <summary>Pins tools seen for the first time, records changed ones (and clears a change the upstream took back); returns the pins after.</summary>
    [Alias("Observe")]
    ValueTask<PinSnapshot> ObserveAsync(IReadOnlyList<ToolDefinition> tools);

    /// <summary>Makes a changed tool's pending definition its pin (only if it is still <paramref name="pendingSha256"/>, when given); false when there is none to accept.</summary>
    [Alias("Accept")]
    ValueTask<bool> AcceptAsync(string tool, string? pendingSha256);

    /// <summary>The pins, or null when they are still those of <paramref name="knownEtag"/>.</summary>
    [Alias("Get")]
    ValueTask<PinSnapshot?> GetAsync(string? knownEtag);
}
