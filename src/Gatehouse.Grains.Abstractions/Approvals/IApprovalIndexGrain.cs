namespace Gatehouse.Grains.Approvals;

/// <summary>
/// Which approvals are pending, cluster-wide (one grain, key <c>all</c>), for the admin API's list; and the
/// most recently decided ones (kept in memory only, for the console's "decided" list).
/// </summary>
[Alias("Gatehouse.IApprovalIndexGrain")]
public interface IApprovalIndexGrain : IGrainWithStringKey
{
    [Alias("Add")]
    ValueTask AddAsync(string id);

    [Alias("Remove")]
    ValueTask RemoveAsync(string id);

    [Alias("List")]
    ValueTask<IReadOnlyList<string>> ListAsync();

    /// <summary>The ids of the approvals that left the pending set most recently, newest first (at most 50).</summary>
    [Alias("Recent")]
    ValueTask<IReadOnlyList<string>> RecentAsync();
}
