namespace Gatehouse.Grains.Policies;

/// <summary>
/// The policy in force for one upstream (keyed by upstream name), cluster-wide. Each change gets the
/// next revision; replicas follow the grain. A change comes from the policy file (proposed by every
/// replica that sees the file change; one content is adopted once) or from the admin API.
/// </summary>
[Alias("Gatehouse.IPolicyGrain")]
public interface IPolicyGrain : IGrainWithStringKey
{
    /// <summary>The policy in force, or null before any was adopted.</summary>
    [Alias("Get")]
    ValueTask<PolicyRevision?> GetAsync();

    /// <summary>Adopts a (validated) policy file's content unless this content was the file's last one.</summary>
    [Alias("ProposeFile")]
    ValueTask<PolicyRevision> ProposeFileAsync(string json, string contentSha256);

    /// <summary>Adopts a (validated) policy from the admin API.</summary>
    [Alias("Put")]
    ValueTask<PolicyRevision> PutAsync(string json, string contentSha256);
}
