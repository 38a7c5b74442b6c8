namespace Gatehouse.EndToEnd.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class CoreGatewayCollection : ICollectionFixture<CoreGatewayFixture>
{
    public const string Name = "core gateway";
}
