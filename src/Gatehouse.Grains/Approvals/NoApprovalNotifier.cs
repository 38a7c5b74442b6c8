using Gatehouse.Grains.Approvals;

namespace Gatehouse.Grains;

/// <summary>The default: nobody is told (no webhook configured).</summary>
public sealed class NoApprovalNotifier : IApprovalNotifier
{
    public void Pending(ApprovalView approval)
    {
    }
}
