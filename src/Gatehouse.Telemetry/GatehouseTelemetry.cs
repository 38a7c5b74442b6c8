using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gatehouse.Telemetry;

/// <summary>
/// Gatehouse's own ActivitySource and Meter, both named <c>Gatehouse</c>, and its instruments. The
/// Prometheus names at <c>/metrics</c> follow from these: <c>gatehouse.decisions</c> becomes
/// <c>gatehouse_decisions_total</c>, <c>gatehouse.upstream.duration</c> (seconds) becomes
/// <c>gatehouse_upstream_duration_seconds</c>, and so on.
/// </summary>
public static class GatehouseTelemetry
{
    public const string Name = "Gatehouse";

    public static readonly ActivitySource Source = new(Name, typeof(GatehouseTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(Name, typeof(GatehouseTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Every <c>tools/call</c> decision, by <c>gatehouse.decision</c>, <c>gatehouse.upstream</c> and <c>gen_ai.tool.name</c>.</summary>
    public static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
        "gatehouse.decisions", "{decision}", "Tool call decisions by action, upstream and tool.");

    /// <summary>Refused calls, by <c>gatehouse.decision</c> (the reason) and <c>gatehouse.upstream</c>.</summary>
    public static readonly Counter<long> Refusals = Meter.CreateCounter<long>(
        "gatehouse.refusals", "{refusal}", "Refused tool calls by reason and upstream.");

    /// <summary>Time a request spent at the upstream, by <c>gatehouse.upstream</c>, <c>mcp.method.name</c> and <c>gatehouse.outcome</c>.</summary>
    public static readonly Histogram<double> UpstreamDuration = Meter.CreateHistogram<double>(
        "gatehouse.upstream.duration", "s", "Upstream request latency.");

    /// <summary>Upstream requests that produced no result, by <c>gatehouse.upstream</c> and <c>error.type</c>.</summary>
    public static readonly Counter<long> UpstreamErrors = Meter.CreateCounter<long>(
        "gatehouse.upstream.errors", "{error}", "Upstream requests that failed, by kind.");

    /// <summary>Time to get every counter's answer for one call (the grain round trips, wherever the grains live).</summary>
    public static readonly Histogram<double> CounterDuration = Meter.CreateHistogram<double>(
        "gatehouse.counter.duration", "s", "Counter grain decision latency per call.");

    /// <summary>Whole <c>tools/call</c> latency through the gateway, by <c>gatehouse.upstream</c> and <c>gatehouse.decision</c>.</summary>
    public static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(
        "gatehouse.call.duration", "s", "Tool call latency through the gateway.");

    /// <summary>Agent sessions open on this replica.</summary>
    public static readonly UpDownCounter<long> ActiveSessions = Meter.CreateUpDownCounter<long>(
        "gatehouse.sessions.active", "{session}", "MCP sessions held open on this replica.");
}
