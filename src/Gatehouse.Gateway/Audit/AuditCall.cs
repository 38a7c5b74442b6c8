using System.Diagnostics;
using System.Text.Json;
using Gatehouse.Policy.Audit;
using Gatehouse.Storage.Audit;

namespace Gatehouse.Gateway.Audit;

/// <summary>
/// The audit entry of one <c>tools/call</c>, filled in as the call goes and recorded exactly once, when
/// disposed: a call that ends without a decision (an exception on the way) is recorded as <c>error</c>.
/// </summary>
internal sealed class AuditCall : IDisposable
{
    private readonly IAuditLog _log;
    private readonly DateTimeOffset _at;
    private readonly string _upstream;
    private readonly string _tool;
    private readonly string _grantId;
    private readonly string? _sessionId;
    private readonly string? _subject;
    private readonly string? _clientId;
    private readonly IReadOnlyList<string> _argumentNames;
    private readonly string _argumentsSha256;
    private readonly string? _argumentsJson;
    private readonly string? _traceId;
    private readonly string _replica;
    private string _action = AuditActions.Error;
    private string _rulePointer = string.Empty;
    private string _policyVersion = string.Empty;
    private int? _upstreamStatus;
    private double? _upstreamLatencyMs;
    private int _recorded;

    public AuditCall(IAuditLog log, DateTimeOffset at, string replica, string upstream, string tool, AuditCaller caller, JsonElement arguments, bool recordArguments)
    {
        _log = log;
        _at = at;
        _replica = replica;
        _upstream = upstream;
        _tool = tool;
        _grantId = caller.GrantId;
        _sessionId = caller.SessionId;
        _subject = caller.Subject;
        _clientId = caller.ClientId;
        (_argumentNames, _argumentsSha256) = AuditDigest.Of(arguments);
        _argumentsJson = recordArguments ? AuditDigest.CanonicalJson(arguments) : null;
        _traceId = Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : null;
    }

    /// <summary>The decision: an <see cref="AuditActions"/> value, the rule's JSON pointer, and the policy version (e.g. <c>7@r3</c>).</summary>
    public void Decided(string action, string rulePointer, string policyVersion)
    {
        _action = action;
        _rulePointer = rulePointer;
        _policyVersion = policyVersion;
    }

    /// <summary>How the upstream answered (see <see cref="AuditUpstreamStatus"/>) and how long it took.</summary>
    public void Forwarded(int status, TimeSpan latency)
    {
        _upstreamStatus = status;
        _upstreamLatencyMs = latency.TotalMilliseconds;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _recorded, 1) != 0)
        {
            return;
        }

        _log.Record(new AuditEntry(
            _at,
            _grantId,
            _upstream,
            _tool,
            _action,
            _rulePointer,
            _policyVersion,
            _argumentNames,
            _argumentsSha256,
            _argumentsJson,
            _upstreamStatus,
            _upstreamLatencyMs,
            _traceId,
            _sessionId,
            _replica,
            _subject,
            _clientId));
    }
}
