namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>The tests of what comes back across replicas share one cluster: every cluster start costs CI time.</summary>
[CollectionDefinition(Name)]
public sealed class FidelityCollection : ICollectionFixture<FidelityFixture>
{
    public const string Name = "three replicas in front of server-everything";
}
