namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// One approval cluster for the approval tests and the console's browser tests: a cluster start costs more than
/// running them one after another. (The failover test has a cluster of its own: it kills a replica.)
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApprovalCollection : ICollectionFixture<ApprovalFixture>
{
    public const string Name = "approvals on three replicas";
}
