using System.Diagnostics;
using Gatehouse.Telemetry;

namespace Gatehouse.Gateway.Front;

/// <summary>
/// The span and metrics of one <c>tools/call</c>: a span named after the MCP method and tool, with
/// the MCP/GenAI attributes and Gatehouse's decision; the decision counted once; the whole call timed.
/// Metrics name a tool only once it is known (listed by its upstream or named by the policy), so agents
/// calling made-up names cannot grow the number of series; others count as <c>other</c>.
/// </summary>
internal sealed class CallTelemetry : IDisposable
{
    /// <summary>The decision recorded for a call to a hidden tool, which is refused as unknown.</summary>
    public const string HiddenAction = "hidden";

    /// <summary>The metric label of a tool name neither the upstream nor the policy knows.</summary>
    public const string OtherTool = "other";

    private readonly GatehouseMetrics _metrics;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string _upstream;
    private readonly string _tool;
    private string _action = "error";
    private string _metricTool = OtherTool;
    private bool _failed;

    public CallTelemetry(GatehouseMetrics metrics, string upstream, string tool, string grantId, string? sessionId)
    {
        _metrics = metrics;
        _upstream = upstream;
        _tool = tool;
        GrantId = grantId;
        SessionId = sessionId;
        _activity = GatehouseTelemetry.Source.StartActivity($"tools/call {tool}");
        _activity?.SetTag(TelemetryAttributes.McpMethodName, "tools/call");
        _activity?.SetTag(TelemetryAttributes.ToolName, tool);
        _activity?.SetTag(TelemetryAttributes.Upstream, upstream);
        _activity?.SetTag(TelemetryAttributes.Grant, grantId);
        if (sessionId is not null)
        {
            _activity?.SetTag(TelemetryAttributes.McpSessionId, sessionId);
        }
    }

    public string GrantId { get; }

    public string? SessionId { get; }

    /// <summary>The tool is one the upstream lists or the policy names: metrics may carry its name.</summary>
    public void Known() => _metricTool = _tool;

    /// <summary>The call failed after its decision (the upstream failed it, or it could not be decided): marks the span as an error.</summary>
    public void Failed(string errorType, string message)
    {
        _failed = true;
        _activity?.SetStatus(ActivityStatusCode.Error, message);
        _activity?.SetTag(TelemetryAttributes.ErrorType, errorType);
    }

    /// <summary>Records the decision: on the span, and once in <c>gatehouse.decisions</c>.</summary>
    public void Decided(string action, string rule)
    {
        _action = action;
        _activity?.SetTag(TelemetryAttributes.Decision, action);
        _activity?.SetTag(TelemetryAttributes.Rule, rule);
        _metrics.Decisions.Add(
            1,
            new(TelemetryAttributes.Decision, action),
            new(TelemetryAttributes.Upstream, _upstream),
            new(TelemetryAttributes.ToolName, _metricTool));
    }

    public void Dispose()
    {
        if (_action == "error" && !_failed)
        {
            Failed("undecided", "the call ended before a decision");
        }

        _metrics.CallDuration.Record(
            Stopwatch.GetElapsedTime(_started).TotalSeconds,
            new(TelemetryAttributes.Upstream, _upstream),
            new(TelemetryAttributes.Decision, _action));
        _activity?.Dispose();
    }
}
