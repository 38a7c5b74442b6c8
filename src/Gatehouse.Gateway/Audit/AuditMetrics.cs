using System.Diagnostics.Metrics;
using Gatehouse.Telemetry;

namespace Gatehouse.Gateway.Audit;

/// <summary>
/// The audit writer's instruments on the host's <c>Gatehouse</c> meter. At <c>/metrics</c>:
/// <c>gatehouse_audit_written_total</c>, <c>gatehouse_audit_dropped_total</c> (by <c>reason</c>),
/// <c>gatehouse_audit_write_failures_total</c>, <c>gatehouse_audit_queued</c> and
/// <c>gatehouse_audit_write_duration_seconds</c>.
/// </summary>
internal sealed class AuditMetrics(GatehouseMetrics metrics)
{
    /// <summary>Tag of <see cref="Dropped"/>: <see cref="QueueFull"/>, <see cref="Stopped"/> or <see cref="ShutdownTimeout"/>.</summary>
    public const string ReasonTag = "reason";

    /// <summary>Recorded while the queue held <see cref="AuditWriterSettings.Capacity"/> entries.</summary>
    public const string QueueFull = "queue_full";

    /// <summary>Recorded after the writer stopped.</summary>
    public const string Stopped = "stopped";

    /// <summary>Still queued when the host's shutdown timeout ran out.</summary>
    public const string ShutdownTimeout = "shutdown_timeout";

    public Counter<long> Written { get; } = metrics.Meter.CreateCounter<long>(
        "gatehouse.audit.written", "{entry}", "Audit entries stored.");

    public Counter<long> Dropped { get; } = metrics.Meter.CreateCounter<long>(
        "gatehouse.audit.dropped", "{entry}", "Audit entries lost, by reason.");

    public Counter<long> WriteFailures { get; } = metrics.Meter.CreateCounter<long>(
        "gatehouse.audit.write.failures", "{failure}", "Audit batches that failed to write and were retried.");

    public UpDownCounter<long> Queued { get; } = metrics.Meter.CreateUpDownCounter<long>(
        "gatehouse.audit.queued", "{entry}", "Audit entries accepted and not yet stored.");

    public Histogram<double> WriteDuration { get; } = metrics.Meter.CreateHistogram<double>(
        "gatehouse.audit.write.duration", "s", "Time to store one audit batch.");
}
