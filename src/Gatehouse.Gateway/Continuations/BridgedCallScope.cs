namespace Gatehouse.Gateway.Continuations;

/// <summary>What a bridged call's <c>requestState</c> is bound to: a round with any other grant, upstream or tool is refused.</summary>
internal sealed record BridgedCallScope(string GrantId, string Upstream, string Tool);
