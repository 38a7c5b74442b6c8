using Gatehouse.Grains.Upstreams;

namespace Gatehouse.Upstreams;

/// <summary>An upstream request that produced no result: an error answer, no connection, or no answer in time.</summary>
public sealed class UpstreamException(UpstreamFrameKind kind, string upstream, string message, int errorCode = 0, string? errorDataJson = null)
    : Exception(message)
{
    public UpstreamFrameKind Kind { get; } = kind;

    public string Upstream { get; } = upstream;

    /// <summary>The JSON-RPC error code when <see cref="Kind"/> is <see cref="UpstreamFrameKind.Error"/>.</summary>
    public int ErrorCode { get; } = errorCode;

    public string? ErrorDataJson { get; } = errorDataJson;

    /// <summary>True when the upstream certainly did not run the request, so reserved budget can be given back.</summary>
    public bool NeverRan => Kind is UpstreamFrameKind.Unreachable || (Kind is UpstreamFrameKind.Error && ErrorCode is -32601 or -32602 or -32600 or -32700);
}
