namespace Gatehouse.Grains.Replies;

/// <summary>
/// Carries an agent's answer to a request Gatehouse sent it (sampling, elicitation, roots) to the
/// replica that sent the request, when the answer arrives at another replica. Keyed by the request id.
/// </summary>
[Alias("Gatehouse.IReplyGrain")]
public interface IReplyGrain : IGrainWithStringKey
{
    /// <summary>Completes with the JSON-RPC response (as JSON text) once it is delivered.</summary>
    [Alias("Wait"), ResponseTimeout("00:30:00")]
    ValueTask<string> WaitAsync(CancellationToken cancellationToken);

    [Alias("Deliver")]
    ValueTask DeliverAsync(string responseJson);
}
