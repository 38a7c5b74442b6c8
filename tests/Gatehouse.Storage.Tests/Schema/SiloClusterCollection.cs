namespace Gatehouse.Storage.Tests.Schema;

/// <summary>Runs the real-silo tests apart from the rest, so probes are not starved of CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloClusterCollection
{
    public const string Name = "Real silos";
}
