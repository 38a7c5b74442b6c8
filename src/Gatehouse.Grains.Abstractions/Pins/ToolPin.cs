namespace Gatehouse.Grains.Pins;

/// <summary>A tool's pinned definition and, when the upstream now serves another, that one (pending acceptance).</summary>
[GenerateSerializer, Immutable, Alias("Gatehouse.ToolPin")]
public sealed record ToolPin(
    [property: Id(0)] string Tool,
    [property: Id(1)] ToolDefinition Pinned,
    [property: Id(2)] DateTimeOffset PinnedAt,
    [property: Id(3)] ToolDefinition? Pending,
    [property: Id(4)] DateTimeOffset? ChangedAt);
