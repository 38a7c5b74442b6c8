namespace Gatehouse.Grains.Approvals;

/// <summary>Which approvals are pending, cluster-wide (one grain, key <c>all</c>), for the admin API's list.</summary>
[Alias("Gatehouse.IApprovalIndexGrain")]
public interface IApprovalIndexGrain : IGrainWithStringKey
{
    [Alias("Add")]
    ValueTask AddAsync(string id);

    [Alias("Remove")]
    ValueTask RemoveAsync(string id);

    [Alias("List")]
    ValueTask<IReadOnlyList<string>> ListAsync();
}
