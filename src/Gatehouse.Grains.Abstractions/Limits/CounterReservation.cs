namespace Gatehouse.Grains.Limits;

/// <summary>A reservation made by an admitted request: when, and how much.</summary>
[GenerateSerializer, Immutable, Alias("Gatehouse.CounterReservation")]
public sealed record CounterReservation(
    [property: Id(0)] DateTimeOffset AcquiredAt,
    [property: Id(1)] decimal Cost);
