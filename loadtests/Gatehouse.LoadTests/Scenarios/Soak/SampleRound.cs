namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>Every replica sampled at one moment, and what the agents saw since the round before.</summary>
/// <param name="Seconds">When, in seconds since the load began.</param>
/// <param name="Replicas">Each replica's figures.</param>
/// <param name="Interval">The calls that ended since the round before.</param>
internal sealed record SampleRound(double Seconds, IReadOnlyList<ReplicaSample> Replicas, IntervalFigures Interval)
{
    public long Activations => Replicas.Sum(r => r.Activations);

    public long Sessions => Replicas.Sum(r => r.Sessions);
}
