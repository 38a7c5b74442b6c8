namespace Gatehouse.Grains;

/// <summary>
/// The group-commit bookkeeping of one counter grain: changes made since the last save began wait on
/// one shared completion, which the next save completes. Used only on the grain's own turn.
/// </summary>
internal sealed class CounterSaves
{
    private TaskCompletionSource? _pending;
    private bool _fenced;

    /// <summary>The stored version the next save must present.</summary>
    public long Version { get; set; }

    public Task? Loop { get; set; }

    /// <summary>Marks a change; the task completes when a save covering it is stored.</summary>
    public Task Enqueue()
    {
        _pending ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _pending.Task;
    }

    /// <summary>True when no save loop is running, so the caller must start one.</summary>
    public bool StartLoop() => Loop is null || Loop.IsCompleted;

    /// <summary>Takes the changes waiting for a save, if any.</summary>
    public bool TryBegin(out TaskCompletionSource batch)
    {
        batch = _pending!;
        _pending = null;
        if (batch is null)
        {
            return false;
        }

        if (_fenced)
        {
            batch.TrySetException(new InvalidOperationException("The counter's save failed; retry the call."));
            return false;
        }

        return true;
    }

    public void Fence()
    {
        _fenced = true;
        _pending?.TrySetException(new InvalidOperationException("The counter's save failed; retry the call."));
        _pending = null;
    }

    public void ThrowIfFenced(string key)
    {
        if (_fenced)
        {
            throw new CounterFencedException(key);
        }
    }
}
