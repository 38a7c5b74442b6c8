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

    /// <summary>The OAuth access token's subject (<c>sub</c>); absent for static grant tokens.</summary>
    public const string Subject = "enduser.id";

    /// <summary>The OAuth client the access token was issued to (<c>client_id</c> or <c>azp</c>).</summary>
    public const string ClientId = "gatehouse.oauth.client_id";

    public const string Upstream = "gatehouse.upstream";

    public const string Outcome = "gatehouse.outcome";

    public const string PolicyVersion = "gatehouse.policy.version";
}
