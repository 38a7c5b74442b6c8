using Gatehouse.Telemetry;
using Gatehouse.Upstreams;

namespace Gatehouse.Host.Health;

/// <summary>
/// <c>gatehouse.upstream.session_processes</c>: the per-session processes of each stdio upstream (<c>ProcessPerSession</c>)
/// this replica runs, to set beside the upstream's <c>MaxProcesses</c>.
/// </summary>
internal sealed class SessionProcessGauge : IHostedService
{
    public SessionProcessGauge(StdioProcessSlots slots, GatehouseMetrics metrics) =>
        metrics.Meter.CreateObservableGauge(
            "gatehouse.upstream.session_processes",
            () => slots.All.Select(pair => new System.Diagnostics.Metrics.Measurement<int>(pair.Value, new KeyValuePair<string, object?>(TelemetryAttributes.Upstream, pair.Key))),
            "{process}",
            "Processes this replica runs for agent sessions of a stdio upstream with a process per session.");

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
