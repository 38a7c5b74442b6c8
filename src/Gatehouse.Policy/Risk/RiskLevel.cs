namespace Gatehouse.Policy;

/// <summary>How much harm a mistaken or malicious call of a tool could do; the keys of a policy's
/// <c>risk_defaults</c> (<c>low</c>, <c>medium</c>, <c>high</c>).</summary>
public enum RiskLevel
{
    /// <summary><c>"low"</c>: reads within the server's own world.</summary>
    Low,

    /// <summary><c>"medium"</c>: additive or reversible writes, reads from the open world, and tools nothing is known about.</summary>
    Medium,

    /// <summary><c>"high"</c>: destructive writes, code execution, and non-idempotent writes to the open world.</summary>
    High,
}
