namespace Gatehouse.Grains.Replies;

/// <summary>Who may answer a request Gatehouse sent an agent: the session it went to, under the grant that opened it.</summary>
[GenerateSerializer, Immutable, Alias("Gatehouse.ReplyAddress")]
public sealed record ReplyAddress(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string GrantId);
