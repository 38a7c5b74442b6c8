using System.Diagnostics;
using Gatehouse.Telemetry;

namespace Gatehouse.Host.Front;

/// <summary>
/// The span and metrics of one <c>tools/call</c>: a span named after the MCP method and tool, with
/// the MCP/GenAI attributes and Gatehouse's decision; the decision counted once; the whole call timed.
/// </summary>
internal sealed class CallTelemetry : IDisposable
{
    /// <summary>The decision recorded for a call to a hidden tool, which is refused as unknown.</summary>
    public const string HiddenAction = "hidden";

    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string _upstream;
    private readonly string _tool;
    private string _action = "error";

    public CallTelemetry(string upstream, string tool, string grantId, string? sessionId)
    {
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

    /// <summary>Records the decision: on the span, and once in <c>gatehouse.decisions</c>.</summary>
    public void Decided(string action, string rule)
    {
        _action = action;
        _activity?.SetTag(TelemetryAttributes.Decision, action);
        _activity?.SetTag(TelemetryAttributes.Rule, rule);
        GatehouseTelemetry.Decisions.Add(
            1,
            new(TelemetryAttributes.Decision, action),
            new(TelemetryAttributes.Upstream, _upstream),
            new(TelemetryAttributes.ToolName, _tool));
    }

    public void Dispose()
    {
        GatehouseTelemetry.CallDuration.Record(
            Stopwatch.GetElapsedTime(_started).TotalSeconds,
            new(TelemetryAttributes.Upstream, _upstream),
            new(TelemetryAttributes.Decision, _action));
        _activity?.Dispose();
    }
}
