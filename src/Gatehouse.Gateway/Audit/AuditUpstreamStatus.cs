using Gatehouse.Grains.Upstreams;
using Gatehouse.Upstreams;

namespace Gatehouse.Gateway.Audit;

/// <summary>Values of <see cref="Gatehouse.Storage.Audit.AuditEntry.UpstreamStatus"/> (null: not forwarded).</summary>
internal static class AuditUpstreamStatus
{
    /// <summary>The upstream returned a result.</summary>
    public const int Result = 0;

    /// <summary>The upstream returned a result with <c>isError: true</c>.</summary>
    public const int ToolError = 1;

    /// <summary>The upstream asked the agent for input (answered <c>input_required</c>); the call goes on in the agent's next round.</summary>
    public const int InputRequired = 2;

    /// <summary>The upstream could not be reached; it never ran the call.</summary>
    public const int Unreachable = -1;

    /// <summary>The upstream did not answer in time.</summary>
    public const int TimedOut = -2;

    /// <summary>The exchange broke off (connection reset, process died); the upstream may have run the call.</summary>
    public const int Broken = -3;

    public static int Of(bool isError) => isError ? ToolError : Result;

    /// <summary>The upstream's JSON-RPC error code, or the negative status of a failure without one.</summary>
    public static int Of(UpstreamException exception) => exception.Kind switch
    {
        UpstreamFrameKind.Error => exception.ErrorCode,
        UpstreamFrameKind.Unreachable => Unreachable,
        UpstreamFrameKind.TimedOut => TimedOut,
        _ => Broken,
    };
}
