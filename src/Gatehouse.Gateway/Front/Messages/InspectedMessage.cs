namespace Gatehouse.Gateway.Front.Messages;

/// <summary>
/// What the gateway read of one agent message before anyone acts on it. A message with a
/// <see cref="Fault"/> is refused as a whole; otherwise it is well-formed, free of duplicate member
/// names and of undecodable strings, so every later reader sees the same message.
/// </summary>
/// <param name="Kind">Request, notification or response (meaningless when <see cref="Fault"/> is set).</param>
/// <param name="Method">The method of a request or notification.</param>
/// <param name="Id">The <c>id</c>, when the message has a usable one (also on a refused message, for the error answer).</param>
/// <param name="CancelledRequestId">For <c>notifications/cancelled</c>: <c>params.requestId</c> as text.</param>
/// <param name="Fault">Why the message is refused, or null.</param>
internal sealed record InspectedMessage(
    MessageKind Kind,
    string? Method,
    MessageId? Id,
    string? CancelledRequestId,
    MessageFault? Fault)
{
    /// <summary>For a <c>tasks/*</c> request: <c>params.taskId</c>, when it is a string.</summary>
    public string? TaskId { get; init; }
}
