namespace Gatehouse.Grains.Upstreams;

/// <summary>
/// Owns the process of one stdio upstream (keyed by upstream name) so that every replica reaches the
/// same process through Orleans. The process is started on activation and restarted if it dies.
/// </summary>
[Alias("Gatehouse.IStdioUpstreamGrain")]
public interface IStdioUpstreamGrain : IGrainWithStringKey
{
    /// <summary>The upstream's identity and capabilities from its <c>initialize</c> answer.</summary>
    [Alias("GetInfo")]
    ValueTask<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends one request; yields its progress notifications (when <paramref name="withProgress"/>),
    /// then exactly one result or error frame.
    /// </summary>
    [Alias("Send")]
    IAsyncEnumerable<UpstreamFrame> SendAsync(string method, string? paramsJson, bool withProgress, CancellationToken cancellationToken);

    /// <summary>
    /// A listen (<c>subscriptions/listen</c> of a 2026-07-28 agent) on the shared process: its notifications go to
    /// <paramref name="listener"/> until it stops, and each of <paramref name="resourceUris"/> is subscribed to on the
    /// process while some listener holds it.
    /// </summary>
    [Alias("Listen")]
    ValueTask ListenAsync(IAgentCallbackObserver listener, string[] resourceUris);

    /// <summary>The listen ends; the subscriptions no other listener holds are ended on the process.</summary>
    [Alias("StopListening")]
    ValueTask StopListeningAsync(IAgentCallbackObserver listener);
}
