namespace Gatehouse.LoadTests.Scenarios.Approvals;

/// <summary>Options of <c>approvals</c>.</summary>
/// <param name="Iterations">Held calls measured, one after another, each with new arguments (a new approval).</param>
/// <param name="Warmup">Held calls made first and left out of the figures (first activations, JIT, connection set-up).</param>
/// <param name="Postgres">PostgreSQL server connection string; null: <c>GATEHOUSE_TEST_POSTGRES</c> or <c>tests/postgres.sh</c>.</param>
internal sealed record ApprovalsOptions(int Iterations, int Warmup, string? Postgres);
