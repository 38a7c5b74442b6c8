using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front;

/// <summary>The protocol revision an agent's request speaks: its own (2026-07-28 carries one per request), else its session's.</summary>
internal static class AgentRevision
{
    /// <summary>The revision without sessions, whose results carry <c>resultType</c> and caching hints; revisions are dates, so later ones sort after it.</summary>
    private const string July2026 = "2026-07-28";

    /// <summary>Whether the request is of 2026-07-28 or later.</summary>
    public static bool IsJuly2026OrLater(JsonRpcRequest request, McpServer server) =>
        (request.Context?.ProtocolVersion ?? server.NegotiatedProtocolVersion) is { } revision
        && string.CompareOrdinal(revision, July2026) >= 0;
}
