namespace Gatehouse.Telemetry;

/// <summary>Span and metric attribute names: the OpenTelemetry MCP and GenAI conventions where they exist, <c>gatehouse.*</c> otherwise.</summary>
public static class TelemetryAttributes
{
    public const string McpMethodName = "mcp.method.name";

    public const string McpSessionId = "mcp.session.id";

    public const string ToolName = "gen_ai.tool.name";

    public const string ErrorType = "error.type";

    public const string Decision = "gatehouse.decision";

    public const string Rule = "gatehouse.rule";

    public const string Grant = "gatehouse.grant";

    public const string Upstream = "gatehouse.upstream";

    public const string Outcome = "gatehouse.outcome";

    public const string PolicyVersion = "gatehouse.policy.version";
}
