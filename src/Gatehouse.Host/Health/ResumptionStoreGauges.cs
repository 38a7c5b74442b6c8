using Gatehouse.Grains;
using Gatehouse.Telemetry;

namespace Gatehouse.Host.Health;

/// <summary>
/// <c>gatehouse.resumption.entries</c> and <c>gatehouse.resumption.bytes</c>: what this silo's cache buckets hold
/// for SSE stream resumption (events and stream records), so its memory can be told apart from a leak.
/// </summary>
internal sealed class ResumptionStoreGauges : IHostedService
{
    public ResumptionStoreGauges(CacheBucketTally tally, GatehouseMetrics metrics)
    {
        metrics.Meter.CreateObservableGauge(
            "gatehouse.resumption.entries",
            () => tally.Entries,
            "{entry}",
            "SSE events and stream records this silo holds for Last-Event-ID resumption.");
        metrics.Meter.CreateObservableGauge(
            "gatehouse.resumption.bytes",
            () => tally.Bytes,
            "By",
            "Bytes of the SSE events and stream records this silo holds for resumption (values only).");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
