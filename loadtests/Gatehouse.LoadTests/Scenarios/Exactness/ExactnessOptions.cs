namespace Gatehouse.LoadTests.Scenarios.Exactness;

/// <summary>Options of <c>exactness</c>.</summary>
/// <param name="Replicas">Gatehouse replicas in the cluster; agents' requests go round-robin over them.</param>
/// <param name="Agents">Concurrent agents, all with the one hot grant.</param>
/// <param name="Algorithms">Window algorithms (<c>fixed</c>, <c>sliding</c>, <c>token_bucket</c>).</param>
/// <param name="Limits">Limit sizes (<c>max</c> per window).</param>
/// <param name="CallsPerLimit">Calls made per case, as a multiple of its limit (plus one per agent): all beyond the limit must be refused.</param>
/// <param name="Postgres">PostgreSQL server connection string; null: <c>GATEHOUSE_TEST_POSTGRES</c> or <c>tests/postgres.sh</c>.</param>
/// <param name="Durability"><c>Durable</c> or <c>None</c>.</param>
internal sealed record ExactnessOptions(
    int Replicas,
    int Agents,
    IReadOnlyList<string> Algorithms,
    IReadOnlyList<int> Limits,
    double CallsPerLimit,
    string? Postgres,
    string Durability);
