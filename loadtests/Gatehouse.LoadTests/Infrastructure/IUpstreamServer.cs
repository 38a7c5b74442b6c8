namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>An upstream MCP server a scenario started as its own process, on a free loopback port.</summary>
internal interface IUpstreamServer : IAsyncDisposable
{
    /// <summary>Its Streamable HTTP endpoint.</summary>
    Uri Endpoint { get; }

    /// <summary>CPU time its process has used so far.</summary>
    TimeSpan CpuTime { get; }
}
