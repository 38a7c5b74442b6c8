using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Requests;

/// <summary>
/// What the client declared for one request: from the request's own <c>_meta</c> on the 2026-07-28 revision
/// (SEP-2575, no session), from the <c>initialize</c> handshake and <c>logging/setLevel</c> on the 2025 ones.
/// </summary>
internal static class ClientRequest
{
    /// <summary>The first revision whose requests carry their protocol version, client capabilities and log level in <c>_meta</c>.</summary>
    private const string FirstPerRequestMetadataRevision = "2026-07-28";

    /// <summary>Whether the request is of a revision that declares everything per request (2026-07-28 or later).</summary>
    /// <remarks>Revisions are dates (<c>YYYY-MM-DD</c>), so they compare as ordinal strings.</remarks>
    public static bool HasPerRequestMetadata<TParams>(RequestContext<TParams> context) =>
        (context.JsonRpcRequest.Context?.ProtocolVersion ?? context.Server.NegotiatedProtocolVersion) is { } revision
        && string.CompareOrdinal(revision, FirstPerRequestMetadataRevision) >= 0;

    /// <summary>The client capabilities in force for the request; empty when it declared none.</summary>
    public static ClientCapabilities Capabilities<TParams>(RequestContext<TParams> context) =>
        (HasPerRequestMetadata(context) ? context.JsonRpcRequest.Context?.ClientCapabilities : context.Server.ClientCapabilities)
        ?? new ClientCapabilities();

    /// <summary>
    /// Whether a log message of <paramref name="level"/> may be sent for the request. On 2026-07-28 only when the
    /// request's <c>_meta</c> asked for a level at or below it; on the 2025 revisions unless <c>logging/setLevel</c>
    /// set a higher one.
    /// </summary>
    public static bool AllowsLog<TParams>(RequestContext<TParams> context, LoggingLevel level)
    {
        if (HasPerRequestMetadata(context))
        {
            return context.JsonRpcRequest.Context?.LogLevel is { } requested && level >= requested;
        }

        return context.Server.LoggingLevel is not { } minimum || level >= minimum;
    }
}
