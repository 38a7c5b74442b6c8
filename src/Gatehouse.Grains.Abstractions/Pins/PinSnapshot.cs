namespace Gatehouse.Grains.Pins;

/// <summary>An upstream's pins at one moment; <see cref="Etag"/> changes whenever a pin does.</summary>
[GenerateSerializer, Immutable, Alias("Gatehouse.PinSnapshot")]
public sealed record PinSnapshot(
    [property: Id(0)] string Etag,
    [property: Id(1)] IReadOnlyList<ToolPin> Pins);
