using Gatehouse.Grains.Approvals;

namespace Gatehouse.Grains;

/// <summary>
/// Told once of each new pending approval, by the approval's own grain (so once cluster-wide, whichever
/// replica holds the call). It must return at once: the held call never waits on a notification.
/// </summary>
public interface IApprovalNotifier
{
    void Pending(ApprovalView approval);
}
