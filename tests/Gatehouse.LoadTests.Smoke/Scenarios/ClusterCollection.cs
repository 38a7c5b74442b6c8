namespace Gatehouse.LoadTests.Smoke.Scenarios;

/// <summary>The scenarios that start a cluster of replicas run one at a time: two clusters at once would starve a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "Gatehouse clusters";
}
