namespace Gatehouse.Gateway.Approvals;

/// <summary>A call as its approval knows it; <paramref name="Id"/> is the digest that binds the approval to exactly this call.</summary>
internal sealed record ApprovalCall(string Id, string GrantId, string Upstream, string Tool, string ArgumentsJson);
