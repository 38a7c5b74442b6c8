namespace Gatehouse.Grains.Grants;

/// <summary>
/// The grants made through the admin API, cluster-wide (one grain, key <c>all</c>). Each change raises
/// the version; replicas follow it, so a revocation takes effect everywhere within their polling period.
/// </summary>
[Alias("Gatehouse.IGrantsGrain")]
public interface IGrantsGrain : IGrainWithStringKey
{
    /// <summary>The current grants, or null when the version is still <paramref name="knownVersion"/>.</summary>
    [Alias("GetSince")]
    ValueTask<GrantsSnapshot?> GetSinceAsync(long knownVersion);

    /// <summary>Records a grant; false if one with that id exists.</summary>
    [Alias("Create")]
    ValueTask<bool> CreateAsync(StoredGrant grant);

    /// <summary>Revokes a grant; false if there is no such grant.</summary>
    [Alias("Revoke")]
    ValueTask<bool> RevokeAsync(string id, DateTimeOffset at);
}
