namespace Gatehouse.Grains.Approvals;

[GenerateSerializer, Alias("Gatehouse.ApprovalState")]
public enum ApprovalState
{
    Pending = 0,
    Approved = 1,
    Denied = 2,
    TimedOut = 3,

    /// <summary>Approved and used: its call was forwarded.</summary>
    Consumed = 4,
}
