namespace Gatehouse.Host.Admin;

/// <summary>One live counter as <c>GET /admin/counters</c> shows it.</summary>
internal sealed record CounterView(
    string Upstream,
    string Counter,
    string Scope,
    string Key,
    string Algorithm,
    int WindowSeconds,
    decimal Max,
    decimal Used,
    decimal Remaining,
    DateTimeOffset ResetAt,
    string Silo);
