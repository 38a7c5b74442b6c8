namespace Gatehouse.Gateway.Audit;

/// <summary>Who made a call, as its audit row records it (never the token itself).</summary>
/// <param name="GrantId">The grant the call was made under.</param>
/// <param name="SessionId">The agent's MCP session id, when it has one.</param>
/// <param name="Subject">The access token's subject (<c>sub</c>); null for a static grant token.</param>
/// <param name="ClientId">The access token's client; null for a static grant token.</param>
internal sealed record AuditCaller(string GrantId, string? SessionId, string? Subject, string? ClientId);
