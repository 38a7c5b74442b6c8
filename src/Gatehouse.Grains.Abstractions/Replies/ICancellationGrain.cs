namespace Gatehouse.Grains.Replies;

/// <summary>
/// Carries an agent's <c>notifications/cancelled</c> to the replica serving the request it names, when
/// the notification lands on another replica. Keyed by <c>{session id}/{request id}</c>.
/// </summary>
[Alias("Gatehouse.ICancellationGrain")]
public interface ICancellationGrain : IGrainWithStringKey
{
    /// <summary>Completes when the request is cancelled (at once if it already was); stops when <paramref name="cancellationToken"/> ends the wait.</summary>
    [Alias("WaitForCancel"), ResponseTimeout("01:00:00")]
    ValueTask WaitForCancelAsync(CancellationToken cancellationToken);

    [Alias("Cancel")]
    ValueTask CancelAsync();
}
