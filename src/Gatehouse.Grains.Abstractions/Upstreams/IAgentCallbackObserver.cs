namespace Gatehouse.Grains.Upstreams;

/// <summary>
/// A replica's way back to one agent session, handed to the grain that owns that session's stdio process: the
/// process's requests of the client (sampling, elicitation, roots) and its notifications (logging, list changes,
/// resource updates) reach the agent through the replica that holds the agent's request or stream.
/// </summary>
[Alias("Gatehouse.IAgentCallbackObserver")]
public interface IAgentCallbackObserver : IGrainObserver
{
    /// <summary>Asks the agent; answers a JSON object with either <c>result</c> or <c>error</c> (<c>code</c>, <c>message</c>).</summary>
    [Alias("Request"), ResponseTimeout("00:30:00")]
    Task<string> RequestAsync(string method, string? paramsJson);

    /// <summary>Passes a notification on to the agent.</summary>
    [Alias("Notify")]
    Task NotifyAsync(string method, string? paramsJson);
}
