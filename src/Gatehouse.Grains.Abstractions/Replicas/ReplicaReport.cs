namespace Gatehouse.Grains.Replicas;

/// <summary>A replica's account of itself.</summary>
/// <param name="Replica">The silo address the report was made on.</param>
/// <param name="At">When it was made.</param>
/// <param name="Upstreams">Each configured upstream, by name.</param>
[GenerateSerializer, Immutable, Alias("Gatehouse.ReplicaReport")]
public sealed record ReplicaReport(
    [property: Id(0)] string Replica,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] IReadOnlyList<UpstreamReport> Upstreams);

/// <summary>One upstream as one replica holds it.</summary>
/// <param name="Name">The upstream.</param>
/// <param name="PolicyRevision">The revision of the policy the replica enforces; null before it has one.</param>
/// <param name="PolicyVersion">Its version label with the revision, e.g. <c>7@r3</c>.</param>
/// <param name="ToolsKnown">How many tools the replica's catalogue holds.</param>
/// <param name="ListedAt">When the replica last listed the upstream's tools successfully; null if never.</param>
/// <param name="FailedAt">When the replica's last listing failed, if it failed after the last success.</param>
/// <param name="Failure">Why it failed.</param>
[GenerateSerializer, Immutable, Alias("Gatehouse.UpstreamReport")]
public sealed record UpstreamReport(
    [property: Id(0)] string Name,
    [property: Id(1)] long? PolicyRevision,
    [property: Id(2)] string? PolicyVersion,
    [property: Id(3)] int ToolsKnown,
    [property: Id(4)] DateTimeOffset? ListedAt,
    [property: Id(5)] DateTimeOffset? FailedAt,
    [property: Id(6)] string? Failure);
