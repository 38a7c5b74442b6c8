namespace Gatehouse.Gateway.Audit;

/// <summary>The name this replica gives itself in the audit log: its silo address, as <c>/admin/counters</c> shows silos.</summary>
internal sealed record AuditReplica(string Name);
