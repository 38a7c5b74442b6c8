using Gatehouse.Policy.Audit;

namespace Gatehouse.Storage.Audit;

/// <summary>One decision on one <c>tools/call</c>, as the audit log keeps it: one row per decision.</summary>
/// <param name="At">When the call arrived (stored in UTC, to the microsecond).</param>
/// <param name="GrantId">The grant (agent credential) that made the call.</param>
/// <param name="Upstream">The upstream the call was for.</param>
/// <param name="Tool">The tool, by its upstream name.</param>
/// <param name="Action">One of <see cref="AuditActions.All"/>: <c>allow</c>, <c>deny</c>, <c>hidden</c>, <c>rate_limited</c>,
/// <c>invalid_arguments</c>, <c>approval_denied</c>, <c>approval_timeout</c>, <c>approval_pending</c>, <c>continued</c>, <c>tool_changed</c> or <c>error</c>.</param>
/// <param name="RulePointer">JSON pointer into the policy of the rule that decided, e.g. <c>/tools/get-env/action</c>,
/// <c>/all_tools/limits/0</c>, <c>/default</c>.</param>
/// <param name="PolicyVersion">The policy's version label and Gatehouse's revision of it, e.g. <c>7@r3</c>.</param>
/// <param name="ArgumentNames">The top-level argument names, sorted ordinally.</param>
/// <param name="ArgumentsSha256">Lower-case hex SHA-256 of the canonical JSON of the arguments (see <see cref="AuditDigest"/>).</param>
/// <param name="ArgumentsJson">The arguments themselves; <see langword="null"/> (and nothing stored) unless the policy asks to record them.</param>
/// <param name="UpstreamStatus"><see langword="null"/> when the call was not forwarded; 0 a result, 1 a tool error (<c>isError</c>),
/// a JSON-RPC error code (e.g. -32603), -1 upstream unreachable, -2 timed out.</param>
/// <param name="UpstreamLatencyMs">Time at the upstream in milliseconds; <see langword="null"/> when not forwarded.</param>
/// <param name="TraceId">The W3C trace id of the call, when it was traced.</param>
/// <param name="SessionId">The agent's MCP session id, when it has one.</param>
/// <param name="Replica">The replica (silo) that decided.</param>
/// <param name="Subject">The end user of an OAuth access token (its <c>sub</c>); null for a static grant token.</param>
/// <param name="ClientId">The OAuth client that got the token (its <c>client_id</c> or <c>azp</c>); null for a static grant token.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string GrantId,
    string Upstream,
    string Tool,
    string Action,
    string RulePointer,
    string PolicyVersion,
    IReadOnlyList<string> ArgumentNames,
    string ArgumentsSha256,
    string? ArgumentsJson,
    int? UpstreamStatus,
    double? UpstreamLatencyMs,
    string? TraceId,
    string? SessionId,
    string Replica,
    string? Subject = null,
    string? ClientId = null);
