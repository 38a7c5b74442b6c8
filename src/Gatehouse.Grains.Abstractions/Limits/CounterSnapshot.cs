namespace Gatehouse.Grains.Limits;

/// <summary>A counter's live state, for the admin API; <paramref name="Silo"/> is where its activation lives.</summary>
[GenerateSerializer, Immutable, Alias("Gatehouse.CounterSnapshot")]
public sealed record CounterSnapshot(
    [property: Id(0)] CounterLimit? Limit,
    [property: Id(1)] decimal Used,
    [property: Id(2)] decimal Remaining,
    [property: Id(3)] DateTimeOffset ResetAt,
    [property: Id(4)] string Silo);
