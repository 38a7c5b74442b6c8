namespace Gatehouse.Grains.Upstreams;

[GenerateSerializer, Alias("Gatehouse.UpstreamFrameKind")]
public enum UpstreamFrameKind
{
    /// <summary>A <c>notifications/progress</c> params object.</summary>
    Progress = 0,

    /// <summary>The request's result object.</summary>
    Result = 1,

    /// <summary>The upstream answered with a JSON-RPC error.</summary>
    Error = 2,

    /// <summary>The upstream could not be reached; it never ran the request.</summary>
    Unreachable = 3,

    /// <summary>The upstream did not answer in time; it may or may not have run the request.</summary>
    TimedOut = 4,

    /// <summary>The exchange broke off (connection reset, process died); the upstream may have run the request.</summary>
    Broken = 5,
}
