using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

internal static class ToolResults
{
    /// <summary>The <c>action</c> of Gatehouse's <c>gatehouse/decision</c> in a refused call's <c>_meta</c>; null for a call that was forwarded.</summary>
    public static string? DecisionAction(this CallToolResult result) =>
        (string?)(result.Meta?["gatehouse/decision"] as JsonObject)?["action"];
}
