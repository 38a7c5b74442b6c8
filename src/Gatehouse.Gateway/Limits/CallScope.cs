namespace Gatehouse.Gateway.Limits;

/// <summary>Who is calling, as counter keys need it.</summary>
/// <param name="Upstream">The upstream whose policy names the counters.</param>
/// <param name="GrantId">The agent's grant.</param>
/// <param name="SessionId">The MCP session; null on sessionless (2026-07-28) requests, whose session-scoped limits fall back to the grant.</param>
/// <param name="Subject">The end user of the OAuth access token (<c>sub</c>); null for a static token, whose subject-scoped limits fall back to the grant.</param>
internal sealed record CallScope(string Upstream, string GrantId, string? SessionId, string? Subject = null);
