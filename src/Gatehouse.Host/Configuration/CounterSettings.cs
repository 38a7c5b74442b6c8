namespace Gatehouse.Host.Configuration;

/// <summary>How counter windows are kept (<c>Gatehouse:Counters</c>).</summary>
public sealed class CounterSettings
{
    /// <summary>
    /// <c>Durable</c>: every admission is stored in PostgreSQL (group commit) before the call is
    /// forwarded, so a window survives the death of the replica holding it; costs one database round
    /// trip of latency per admission, shared by all admissions made meanwhile. <c>None</c>: windows live
    /// in memory only; a replica's death empties the windows it held. Default: <c>Durable</c> when
    /// <c>Cluster:ConnectionString</c> is set, else <c>None</c>.
    /// </summary>
    public string? Durability { get; set; }
}
