namespace Gatehouse.EndToEnd.Tests.Cluster;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three replicas on PostgreSQL";
}
