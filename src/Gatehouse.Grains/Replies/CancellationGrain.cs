using Gatehouse.Grains.Replies;
using Orleans.Concurrency;

namespace Gatehouse.Grains;

/// <summary>A one-shot signal: the serving replica's wait ends when any replica cancels.</summary>
[Reentrant]
[CollectionAgeLimit(Minutes = 5)]
internal sealed class CancellationGrain : Grain, ICancellationGrain
{
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask WaitForCancelAsync(CancellationToken cancellationToken) => await _cancelled.Task.WaitAsync(cancellationToken);

    public ValueTask CancelAsync()
    {
        _cancelled.TrySetResult();
        return ValueTask.CompletedTask;
    }
}
