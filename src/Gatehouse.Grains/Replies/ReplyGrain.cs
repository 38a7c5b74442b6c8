using Gatehouse.Grains.Replies;
using Orleans.Concurrency;

namespace Gatehouse.Grains;

/// <summary>
/// A one-shot mailbox bound to the session and grant the request went to. Reentrant: the waiting
/// replica's call stays open while the answer is delivered. An activation that expects nothing (a
/// made-up id) goes away as soon as it has refused.
/// </summary>
[Reentrant]
internal sealed class ReplyGrain : Grain, IReplyGrain
{
    private readonly TaskCompletionSource<string> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ReplyAddress? _expected;

    public ValueTask ExpectAsync(ReplyAddress address)
    {
        _expected ??= address;
        return ValueTask.CompletedTask;
    }

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

    public ValueTask<bool> DeliverAsync(ReplyAddress address, string responseJson)
    {
        if (_expected is null)
        {
            DeactivateOnIdle();
            return ValueTask.FromResult(false);
        }

        return ValueTask.FromResult(_expected == address && _reply.TrySetResult(responseJson));
    }
}
