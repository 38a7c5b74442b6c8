namespace Gatehouse.Grains.Continuations;

/// <summary>
/// One <c>tools/call</c> of a 2026-07-28 agent (no session) running at a 2025 upstream that asks the client for
/// sampling, elicitation or roots while it runs, keyed by an unguessable id. The replica running the call posts each
/// of the upstream's requests here and waits for its answer; the agent's rounds, through any replica, take the
/// open requests (answered <c>input_required</c>), bring back the answers, and finally take the outcome. Held in
/// memory: if its silo goes, the call is lost, and a round for it is told so.
/// </summary>
[Alias("Gatehouse.IBridgedCallGrain")]
public interface IBridgedCallGrain : IGrainWithStringKey
{
    /// <summary>The call starts; until then (or after its outcome was taken) every round is told the call is lost.</summary>
    [Alias("Open")]
    ValueTask OpenAsync();

    /// <summary>
    /// The upstream asks the client: waits for the agent's answer, as the JSON text of a JSON-RPC response body
    /// (<c>{"result": …}</c>).
    /// </summary>
    [Alias("Ask"), ResponseTimeout("01:05:00")]
    ValueTask<string> AskAsync(string method, string? paramsJson, CancellationToken cancellationToken);

    /// <summary>The upstream answered the call: <c>{"result": …}</c>, or <c>{"error": {"kind", "code", "message"}}</c>.</summary>
    [Alias("Finish")]
    ValueTask FinishAsync(string outcomeJson);

    /// <summary>
    /// The upstream notified the client about the call (its progress, a log message): kept for the agent's round, which
    /// passes it on, in order, ahead of anything that came after it. The oldest are dropped past a thousand untaken.
    /// </summary>
    [Alias("Notify")]
    ValueTask NotifyAsync(string method, string? paramsJson);

    /// <summary>
    /// A round of the agent: within <paramref name="hold"/>, the notifications not yet taken
    /// (<c>{"notifications": [{"method", "params"}]}</c>), else the upstream's open requests
    /// (<c>{"inputRequests": {key: {"method", "params"}}}</c>) or the outcome (see <see cref="FinishAsync"/>), or
    /// <c>{"lost": true}</c> for a call not running here; null when nothing came within the hold.
    /// </summary>
    [Alias("Next"), ResponseTimeout("00:02:00")]
    ValueTask<string?> NextAsync(TimeSpan hold, CancellationToken cancellationToken);

    /// <summary>
    /// The upstream's requests still unanswered (<c>{key: {"method", "params"}}</c> as JSON), or null when there are
    /// none; nothing is taken. For a task's questions, which its polls report while they wait.
    /// </summary>
    [Alias("OpenRequests")]
    ValueTask<string?> OpenRequestsAsync();

    /// <summary>The agent's answers (<c>inputResponses</c>, by key); answers to no open request are ignored. Returns how many were taken.</summary>
    [Alias("Answer")]
    ValueTask<int> AnswerAsync(string inputResponsesJson);
}
