namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>Options of <c>decisions</c>.</summary>
/// <param name="Paths">Decision paths to compare (<see cref="DecisionPathNames"/>).</param>
/// <param name="Concurrency">Decisions in flight, the same for every path.</param>
/// <param name="Keys">Counter keys the decisions spread over (1: one hot key).</param>
/// <param name="PhaseSeconds">Length of one path's phase.</param>
/// <param name="Rounds">Phases per path; paths take turns, in alternating order.</param>
/// <param name="WarmupSeconds">Load on each path before measuring.</param>
/// <param name="Redis">Redis <c>host:port</c>; null: <c>GATEHOUSE_REDIS</c> or <c>tests/redis.sh</c>.</param>
internal sealed record DecisionsOptions(IReadOnlyList<string> Paths, int Concurrency, int Keys, double PhaseSeconds, int Rounds, double WarmupSeconds, string? Redis);
