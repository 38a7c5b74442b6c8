using Gatehouse.Grains.Replies;
using Orleans.Concurrency;

namespace Gatehouse.Grains;

/// <summary>A one-shot mailbox: the waiting replica's call returns when another replica delivers.</summary>
[Reentrant]
internal sealed class ReplyGrain : Grain, IReplyGrain
{
    private readonly TaskCompletionSource<string> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask<string> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reply.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    public ValueTask DeliverAsync(string responseJson)
    {
        _reply.TrySetResult(responseJson);
        return ValueTask.CompletedTask;
    }
}
