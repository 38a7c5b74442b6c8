namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>Options of <c>soak</c>.</summary>
/// <param name="Minutes">Length of the steady load, in minutes.</param>
/// <param name="Replicas">Replicas on PostgreSQL behind the round-robin balancer.</param>
/// <param name="Agents">Agents, each with one MCP session open at a time.</param>
/// <param name="Rate">Calls per second arriving in total, whatever the answers' speed (open loop); half to each tool.</param>
/// <param name="SessionCalls">Calls an agent makes in one session before it closes it (DELETE) and opens another.</param>
/// <param name="SampleSeconds">Seconds between two samples of every replica.</param>
/// <param name="Postgres">PostgreSQL server connection string; null: <c>GATEHOUSE_TEST_POSTGRES</c> or <c>tests/postgres.sh</c>.</param>
/// <param name="WarmUpMinutes">Minutes left out of the trends; null: the first 10 % of the run, at most 5 minutes.</param>
internal sealed record SoakOptions(
    double Minutes,
    int Replicas,
    int Agents,
    double Rate,
    int SessionCalls,
    double SampleSeconds,
    string? Postgres,
    double? WarmUpMinutes = null)
{
    /// <summary>The share of the run left out of the trends as warm-up, at most <see cref="MostWarmUp"/>.</summary>
    public const double WarmUpShare = 0.10;

    public static readonly TimeSpan MostWarmUp = TimeSpan.FromMinutes(5);

    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    /// <summary><see cref="WarmUpMinutes"/>, or the first 10 % of the run, at most 5 minutes.</summary>
    public TimeSpan WarmUp => WarmUpMinutes is { } minutes
        ? TimeSpan.FromMinutes(minutes)
        : TimeSpan.FromTicks(Math.Min((long)(Duration.Ticks * WarmUpShare), MostWarmUp.Ticks));
}
