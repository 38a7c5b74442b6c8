namespace Gatehouse.Storage;

/// <summary>One counter's save waiting for the next group commit.</summary>
internal sealed record PendingSave(string Key, string StateJson, long ExpectedVersion)
{
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
