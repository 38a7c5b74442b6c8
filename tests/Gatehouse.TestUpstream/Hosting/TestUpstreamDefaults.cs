namespace Gatehouse.TestUpstream.Hosting;

/// <summary>Defaults of the test upstream, in one place.</summary>
internal static class TestUpstreamDefaults
{
    /// <summary>The serverInfo name when <c>--name</c> is not given.</summary>
    public const string ServerName = "gatehouse-test-upstream";

    /// <summary>The serverInfo version.</summary>
    public const string ServerVersion = "1.0.0";

    /// <summary>The route of the Streamable HTTP endpoint.</summary>
    public const string McpPath = "/mcp";
}
