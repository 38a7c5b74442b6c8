using Gatehouse.Grains.Sessions;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Upstreams;

/// <summary>
/// An upstream session that stands for an agent: opened with the agent's own client identity and
/// capabilities, so the upstream may ask the agent for sampling, elicitation and roots. One recorded for
/// an agent session is resumable from any replica through its binding; one not recorded (a single call's,
/// a listen's) is the connection's alone, and ends when the connection is closed.
/// </summary>
public sealed class AgentSessionSpec
{
    /// <summary>The agent's <c>clientInfo</c> from its <c>initialize</c>.</summary>
    public Implementation? ClientInfo { get; init; }

    /// <summary>The agent's capabilities; the upstream sees exactly these.</summary>
    public ClientCapabilities? Capabilities { get; init; }

    public required IAgentCallbacks Callbacks { get; init; }

    /// <summary>The upstream session already opened for this agent session, if any: resumed, not re-initialized.</summary>
    public UpstreamBinding? Binding { get; init; }

    /// <summary>
    /// Records a newly opened upstream session; returns the binding in force (another replica's, if it won). None: the
    /// session is recorded nowhere, so the connection owns it, and closing the connection ends it (<c>DELETE</c>).
    /// </summary>
    public Func<UpstreamBinding, Task<UpstreamBinding>>? Bind { get; init; }

    /// <summary>
    /// The session is another connection's (<see cref="Binding"/> names it), resumed here for a request or two: closing
    /// this connection leaves it open.
    /// </summary>
    public bool Borrowed { get; init; }

    /// <summary>Whether this connection holds the upstream's stream of unsolicited messages (only one may, per upstream session).</summary>
    public bool Listen { get; init; }
}
