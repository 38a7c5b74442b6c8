using Gatehouse.Grains.Upstreams;
using Gatehouse.Upstreams;
using ModelContextProtocol;

namespace Gatehouse.Gateway.Front;

/// <summary>What the agent sees when an upstream fails: the upstream's own error as it sent it (code, message, data), or a clear gateway error.</summary>
internal static class UpstreamErrors
{
    public static McpProtocolException ToProtocolException(UpstreamException ex) => ex.Kind switch
    {
        UpstreamFrameKind.Error => new McpProtocolException(ex.Message, (McpErrorCode)ex.ErrorCode).With(ex.ErrorDataJson),
        _ => new McpProtocolException(ex.Message, McpErrorCode.InternalError),
    };
}
