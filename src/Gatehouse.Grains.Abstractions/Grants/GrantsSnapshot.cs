namespace Gatehouse.Grains.Grants;

[GenerateSerializer, Immutable, Alias("Gatehouse.GrantsSnapshot")]
public sealed record GrantsSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<StoredGrant> Grants);
