namespace Gatehouse.Grains.Limits;

/// <summary>
/// Builds counter grain keys: <c>{scope}/{upstream}/{counter}</c>, where scope is
/// <c>grant:{id}</c>, <c>session:{id}</c>, <c>subject:{grant id}:{escaped sub}</c> or <c>global</c>. Counters are
/// named per upstream policy, so two upstreams' counters of one name never share a budget.
/// </summary>
public static class CounterKey
{
    public static string ForGrant(string grantId, string upstream, string counter) => $"grant:{grantId}/{upstream}/{counter}";

    public static string ForSession(string sessionId, string upstream, string counter) => $"session:{sessionId}/{upstream}/{counter}";

    /// <summary>One end user's budget within a grant; the subject is URI-escaped, so no subject can reach into another's key.</summary>
    public static string ForSubject(string grantId, string subject, string upstream, string counter) =>
        $"subject:{grantId}:{Uri.EscapeDataString(subject)}/{upstream}/{counter}";

    public static string ForGlobal(string upstream, string counter) => $"global/{upstream}/{counter}";
}
