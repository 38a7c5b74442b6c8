namespace Gatehouse.LoadTests.Scenarios.Failover;

/// <summary>Options of <c>failover</c>.</summary>
/// <param name="Replicas">Gatehouse replicas; one of them is killed.</param>
/// <param name="Agents">Concurrent agents, all with the one hot grant.</param>
/// <param name="Algorithm">The limit's window algorithm.</param>
/// <param name="Limit">The limit (<c>max</c> per window).</param>
/// <param name="KillAtFraction">The replica holding the counter is killed once this share of the limit was admitted.</param>
/// <param name="CallsPerLimit">Answered calls made, as a multiple of the limit (plus one per agent).</param>
/// <param name="Postgres">PostgreSQL server connection string; null: <c>GATEHOUSE_TEST_POSTGRES</c> or <c>tests/postgres.sh</c>.</param>
/// <param name="Durability"><c>Durable</c> (windows survive the kill) or <c>None</c> (they do not; shown for comparison).</param>
internal sealed record FailoverOptions(
    int Replicas,
    int Agents,
    string Algorithm,
    int Limit,
    double KillAtFraction,
    double CallsPerLimit,
    string? Postgres,
    string Durability);
