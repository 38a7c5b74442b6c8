namespace Gatehouse.Grains.Approvals;

/// <summary>An approval as it stands.</summary>
/// <param name="Id">The digest that keys it.</param>
/// <param name="Ticket">Which request of this call it is (each new request of the same call gets the next ticket).</param>
/// <param name="State">Where it stands.</param>
/// <param name="Request">What is asked.</param>
/// <param name="RequestedAt">When it was asked.</param>
/// <param name="ExpiresAt">When it times out if undecided.</param>
/// <param name="DecidedAt">When it was decided (or timed out).</param>
/// <param name="DecidedBy">Who decided: <c>operator</c>, <c>user</c> or <c>timeout</c>.</param>
/// <param name="Note">What the deciding operator wrote with the decision, if anything; the agent is told it on a denial.</param>
[GenerateSerializer, Immutable, Alias("Gatehouse.ApprovalView")]
public sealed record ApprovalView(
    [property: Id(0)] string Id,
    [property: Id(1)] long Ticket,
    [property: Id(2)] ApprovalState State,
    [property: Id(3)] ApprovalRequest Request,
    [property: Id(4)] DateTimeOffset RequestedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] DateTimeOffset? DecidedAt,
    [property: Id(7)] string? DecidedBy,
    [property: Id(8)] string? Note = null);
