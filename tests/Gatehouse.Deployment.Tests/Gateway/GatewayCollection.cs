namespace Gatehouse.Deployment.Tests.Gateway;

/// <summary>Tests that need the running gateway share one (<see cref="GatewayFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Running gateway";
}
