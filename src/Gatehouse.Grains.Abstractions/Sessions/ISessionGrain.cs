namespace Gatehouse.Grains.Sessions;

/// <summary>
/// One agent MCP session, keyed by its <c>Mcp-Session-Id</c>: which grant opened it, on which route,
/// and what the agent sent in <c>initialize</c>. Any replica can serve the session from this record.
/// </summary>
[Alias("Gatehouse.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    [Alias("Open")]
    ValueTask OpenAsync(SessionRecord record);

    /// <summary>The session, or null when it never existed or was closed.</summary>
    [Alias("Get"), SafeToResend]
    ValueTask<SessionRecord?> GetAsync();

    /// <summary>Closes the session; answers the upstream sessions it had bound by then (null when it did not know), so they can be ended.</summary>
    [Alias("Close")]
    ValueTask<IReadOnlyDictionary<string, UpstreamBinding>?> CloseAsync();

    /// <summary>
    /// Records the upstream session opened for this agent session, unless another replica recorded
    /// one first: the binding in force is returned, and the caller uses it (closing its own if it lost).
    /// </summary>
    [Alias("BindUpstream")]
    ValueTask<UpstreamBinding> BindUpstreamAsync(string upstream, UpstreamBinding binding);
}
