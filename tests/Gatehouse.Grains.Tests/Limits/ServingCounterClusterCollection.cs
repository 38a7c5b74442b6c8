namespace Gatehouse.Grains.Tests.Limits;

[CollectionDefinition(Name)]
public sealed class ServingCounterClusterCollection : ICollectionFixture<ServingCounterClusterFixture>
{
    public const string Name = "counters serving through store outages";
}
