namespace Gatehouse.Grains.Replies;

/// <summary>
/// The one outstanding request Gatehouse sent an agent (sampling, elicitation, roots), keyed by the
/// request's unguessable id: which session and grant may answer it, and the answer once it comes,
/// whichever replica it lands on. An answer for a request that is not outstanding, or from another
/// session or grant, is refused and kept nowhere.
/// </summary>
[Alias("Gatehouse.IReplyGrain")]
public interface IReplyGrain : IGrainWithStringKey
{
    /// <summary>Opens the request to answers from <paramref name="address"/>; called before the request is sent.</summary>
    [Alias("Expect")]
    ValueTask ExpectAsync(ReplyAddress address);

    /// <summary>Completes with the JSON-RPC response (as JSON text) once it is delivered.</summary>
    [Alias("Wait"), ResponseTimeout("00:30:00")]
    ValueTask<string> WaitAsync(CancellationToken cancellationToken);

    /// <summary>True when the answer was taken: the request is outstanding, for this session and grant, and not yet answered.</summary>
    [Alias("Deliver")]
    ValueTask<bool> DeliverAsync(ReplyAddress address, string responseJson);
}
