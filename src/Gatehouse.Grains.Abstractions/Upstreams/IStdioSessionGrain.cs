namespace Gatehouse.Grains.Upstreams;

/// <summary>
/// Owns the stdio process that stands for one agent session at one upstream (<c>ProcessPerSession</c>), keyed
/// <c>{upstream}/{agent session id}</c>. The process is initialized with the agent's own client identity and
/// capabilities, restarted if it dies, and ended when the agent closes its session or leaves it idle.
/// </summary>
[Alias("Gatehouse.IStdioSessionGrain")]
public interface IStdioSessionGrain : IGrainWithStringKey
{
    /// <summary>The key of the grain for <paramref name="sessionId"/> at <paramref name="upstream"/>.</summary>
    static string KeyOf(string upstream, string sessionId) => upstream + "/" + sessionId;

    /// <summary>The process's identity and capabilities from its <c>initialize</c> answer, starting it first if needed.</summary>
    [Alias("GetInfo")]
    ValueTask<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends one request; while it runs, what the process asks of the client goes to <paramref name="caller"/>. Yields
    /// progress notifications (when <paramref name="withProgress"/>), then exactly one result or error frame.
    /// </summary>
    [Alias("Send")]
    IAsyncEnumerable<UpstreamFrame> SendAsync(string method, string? paramsJson, bool withProgress, IAgentCallbackObserver caller, CancellationToken cancellationToken);

    /// <summary>The agent's stream of unsolicited messages is open behind <paramref name="listener"/>: notifications outside any request go there.</summary>
    [Alias("Listen")]
    ValueTask ListenAsync(IAgentCallbackObserver listener);

    /// <summary>That stream closed.</summary>
    [Alias("StopListening")]
    ValueTask StopListeningAsync(IAgentCallbackObserver listener);

    /// <summary>The agent closed its session: the process ends now.</summary>
    [Alias("Close")]
    ValueTask CloseAsync();
}
