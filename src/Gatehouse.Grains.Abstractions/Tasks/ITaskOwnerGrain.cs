namespace Gatehouse.Grains.Tasks;

/// <summary>
/// The owner of one task an upstream created for a task-augmented <c>tools/call</c> (2025-11-25), keyed
/// <c>{upstream}/{taskId}</c>. Every replica asks it before passing on a <c>tasks/*</c> request, so a task id
/// reaches the upstream only from the grant (and end user) whose call created it. Kept until the task expires, in
/// PostgreSQL when the cluster has it, so the record outlives its silo; on the embedded default (memory only), if its
/// silo goes, the record goes with it, and the task's requests are refused as unknown.
/// </summary>
[Alias("Gatehouse.ITaskOwnerGrain")]
public interface ITaskOwnerGrain : IGrainWithStringKey
{
    /// <summary>Records the task's owner; the first record stands (an upstream never gives one id twice).</summary>
    [Alias("Record")]
    ValueTask<TaskOwner> RecordAsync(TaskOwner owner);

    /// <summary>The task's owner, or null for a task not created through Gatehouse, or expired.</summary>
    [Alias("Get"), SafeToResend]
    ValueTask<TaskOwner?> GetAsync();
}
