namespace Gatehouse.Grains.Pins;

/// <summary>A tool's definition as an upstream serves it: canonical JSON (name, description, schemas, annotations) and its SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("Gatehouse.ToolDefinition")]
public sealed record ToolDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Sha256,
    [property: Id(2)] string Json);
