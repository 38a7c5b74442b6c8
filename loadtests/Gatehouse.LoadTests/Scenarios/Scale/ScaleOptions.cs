namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>Options of <c>scale</c>.</summary>
/// <param name="Agents">Concurrent agents (MCP sessions): half call the rate-limited tool, half the unlimited one.</param>
/// <param name="Start">Replicas at the start, and again after scaling in.</param>
/// <param name="Peak">Replicas after scaling out.</param>
/// <param name="Limit">The rate-limited tool's <c>max</c> per window, per grant.</param>
/// <param name="WindowSeconds">Its fixed window, in seconds (aligned to the UTC epoch).</param>
/// <param name="Roll">Whether the replicas left after scaling in are then restarted one by one.</param>
/// <param name="HoldSeconds">Steady load between membership changes, in seconds.</param>
/// <param name="Postgres">PostgreSQL server connection string; null: <c>GATEHOUSE_TEST_POSTGRES</c> or <c>tests/postgres.sh</c>.</param>
internal sealed record ScaleOptions(
    int Agents,
    int Start,
    int Peak,
    int Limit,
    int WindowSeconds,
    bool Roll,
    double HoldSeconds,
    string? Postgres);
