namespace Gatehouse.Telemetry.Tests;

/// <summary>
/// Every test shares one cluster and runs alone: the Gatehouse Meter and ActivitySource are static,
/// so a test measuring deltas must be the only one making calls.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TelemetryClusterCollection : ICollectionFixture<TelemetryCluster>
{
    public const string Name = "Telemetry cluster";
}
