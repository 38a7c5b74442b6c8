using System.Diagnostics;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>The agent's own tracing: the span an instrumented agent would have open while it calls a tool.</summary>
internal static class AgentActivity
{
    public const string SourceName = "Gatehouse.Telemetry.Tests.Agent";

    public static readonly ActivitySource Source = new(SourceName);
}
