namespace Gatehouse.ConformanceServer.Hosting;

/// <summary>Defaults of the conformance server, in one place.</summary>
internal static class ConformanceServerDefaults
{
    /// <summary>The serverInfo name.</summary>
    public const string ServerName = "gatehouse-conformance-server";

    /// <summary>The serverInfo version.</summary>
    public const string ServerVersion = "1.0.0";

    /// <summary>The route of the Streamable HTTP endpoint.</summary>
    public const string McpPath = "/mcp";

    /// <summary>The logger name on the <c>notifications/message</c> this server sends.</summary>
    public const string LoggerName = "conformance-server";
}
