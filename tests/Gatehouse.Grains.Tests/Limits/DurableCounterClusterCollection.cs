namespace Gatehouse.Grains.Tests.Limits;

[CollectionDefinition(Name)]
public sealed class DurableCounterClusterCollection : ICollectionFixture<DurableCounterClusterFixture>
{
    public const string Name = "durable counter cluster";
}
