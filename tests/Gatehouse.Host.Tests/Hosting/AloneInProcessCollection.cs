namespace Gatehouse.Host.Tests.Hosting;

/// <summary>
/// Tests that read a replica's own gauges at <c>/metrics</c>: they run while no other replica lives in this process. With
/// several replicas in one process, a replica's scrape was seen to give another replica's value of a gauge (0 where its own
/// silo held 2 entries): the exporters do not keep the hosts' like-named <c>Gatehouse</c> meters fully apart.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInProcessCollection
{
    public const string Name = "alone in the test process";
}
