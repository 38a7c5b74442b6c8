using System.Text.Json;

namespace Gatehouse.Gateway.Audit;

/// <summary>Starts the audit entry of each <c>tools/call</c> (see <see cref="AuditCall"/>).</summary>
internal sealed class AuditRecorder(IAuditLog log, TimeProvider time, AuditReplica replica)
{
    /// <summary>Begins the entry of a call that arrives now, within the call's span (its trace id is taken from <see cref="System.Diagnostics.Activity.Current"/>).</summary>
    /// <param name="upstream">The upstream the call is for.</param>
    /// <param name="tool">The tool, by its upstream name.</param>
    /// <param name="caller">Who made the call: grant, session, and the token's subject and client when it was an access token.</param>
    /// <param name="arguments">The call's <c>arguments</c> (undefined when absent); only names and a digest are kept.</param>
    /// <param name="recordArguments">True only when the policy asks to keep argument values.</param>
    public AuditCall Begin(string upstream, string tool, AuditCaller caller, JsonElement arguments, bool recordArguments = false) =>
        new(log, time.GetUtcNow(), replica.Name, upstream, tool, caller, arguments, recordArguments);
}
