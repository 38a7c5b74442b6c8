using System.Diagnostics.Metrics;

namespace Gatehouse.Telemetry;

/// <summary>
/// One host's <c>Gatehouse</c> Meter, made by its <see cref="IMeterFactory"/>, and the instruments on it.
/// The Prometheus names at <c>/metrics</c> follow from these: <c>gatehouse.decisions</c> becomes
/// <c>gatehouse_decisions_total</c>, <c>gatehouse.upstream.duration</c> (seconds) becomes
/// <c>gatehouse_upstream_duration_seconds</c>, and so on. Register it as a singleton.
/// </summary>
public sealed class GatehouseMetrics
{
    /// <param name="meterFactory">The host's factory; it owns (and disposes) the Meter.</param>
    public GatehouseMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(new MeterOptions(GatehouseTelemetry.Name) { Version = GatehouseTelemetry.Version });
        Decisions = Meter.CreateCounter<long>(
            "gatehouse.decisions", "{decision}", "Tool call decisions by action, upstream and tool.");
        Refusals = Meter.CreateCounter<long>(
            "gatehouse.refusals", "{refusal}", "Refused tool calls by reason and upstream.");
        UpstreamDuration = Meter.CreateHistogram<double>(
            "gatehouse.upstream.duration", "s", "Upstream request latency.");
        UpstreamErrors = Meter.CreateCounter<long>(
            "gatehouse.upstream.errors", "{error}", "Upstream requests that failed, by kind.");
        CounterDuration = Meter.CreateHistogram<double>(
            "gatehouse.counter.duration", "s", "Counter grain decision latency per call.");
        CallDuration = Meter.CreateHistogram<double>(
            "gatehouse.call.duration", "s", "Tool call latency through the gateway.");
        ActiveSessions = Meter.CreateUpDownCounter<long>(
            "gatehouse.sessions.active", "{session}", "MCP sessions held open on this replica.");
    }

    /// <summary>The <c>Gatehouse</c> Meter, for the instruments other parts of the host add (audit, policies, cluster size).</summary>
    public Meter Meter { get; }

    /// <summary>Every <c>tools/call</c> decision, by <c>gatehouse.decision</c>, <c>gatehouse.upstream</c> and <c>gen_ai.tool.name</c>.</summary>
    public Counter<long> Decisions { get; }

    /// <summary>Refused calls, by <c>gatehouse.decision</c> (the reason) and <c>gatehouse.upstream</c>.</summary>
    public Counter<long> Refusals { get; }

    /// <summary>Time a request spent at the upstream, in seconds, by <c>gatehouse.upstream</c>, <c>mcp.method.name</c> and <c>gatehouse.outcome</c>.</summary>
    public Histogram<double> UpstreamDuration { get; }

    /// <summary>Upstream requests that produced no result, by <c>gatehouse.upstream</c> and <c>error.type</c>.</summary>
    public Counter<long> UpstreamErrors { get; }

    /// <summary>Time, in seconds, to get every counter's answer for one call (the grain round trips, wherever the grains live).</summary>
    public Histogram<double> CounterDuration { get; }

    /// <summary>Whole <c>tools/call</c> latency through the gateway, in seconds, by <c>gatehouse.upstream</c> and <c>gatehouse.decision</c>.</summary>
    public Histogram<double> CallDuration { get; }

    /// <summary>Agent sessions open on this replica.</summary>
    public UpDownCounter<long> ActiveSessions { get; }
}
