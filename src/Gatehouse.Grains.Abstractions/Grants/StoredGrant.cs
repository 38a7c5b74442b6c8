namespace Gatehouse.Grains.Grants;

/// <summary>A grant made through the admin API: only the token's SHA-256 is kept.</summary>
[GenerateSerializer, Immutable, Alias("Gatehouse.StoredGrant")]
public sealed record StoredGrant(
    [property: Id(0)] string Id,
    [property: Id(1)] string TokenSha256,
    [property: Id(2)] IReadOnlyList<string> Upstreams,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? RevokedAt);
