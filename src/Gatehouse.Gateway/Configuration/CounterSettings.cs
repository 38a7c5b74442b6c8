namespace Gatehouse.Gateway.Configuration;

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

    /// <summary>
    /// Whether a replica sends its concurrent requests for one counter key to the key's grain as one batch
    /// (default true). The grain still decides each request on its own, in order: batching changes the cost
    /// of a hot counter, never its decisions. False sends one grain message per request.
    /// </summary>
    public bool Batching { get; set; } = true;

    /// <summary>
    /// What durable counters do while PostgreSQL cannot take their saves: <c>FailClosed</c> (default) refuses
    /// limited calls with <c>action: "unavailable"</c>; <c>Serve</c> lets each counter already in memory keep
    /// deciding and store its window when the database returns (a replica lost meanwhile loses what it admitted
    /// since its last save). A counter not in memory when the outage began cannot be read, so it fails closed in
    /// both modes.
    /// </summary>
    public string OnStoreOutage { get; set; } = CounterOutageModes.FailClosed;
}
