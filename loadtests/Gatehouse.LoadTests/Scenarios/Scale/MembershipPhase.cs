namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>One stretch of the run: steady load, or a change of the replicas in the balancer's rotation.</summary>
/// <param name="Name">What happened (<c>scale out 2→5</c>).</param>
/// <param name="ReplicasBefore">Replicas in the rotation when it began.</param>
/// <param name="ReplicasAfter">Replicas in the rotation when it ended.</param>
/// <param name="StartedSeconds">Its start, in seconds since the load began.</param>
/// <param name="EndedSeconds">Its end, in seconds since the load began.</param>
internal sealed record MembershipPhase(string Name, int ReplicasBefore, int ReplicasAfter, double StartedSeconds, double EndedSeconds)
{
    public double Seconds => EndedSeconds - StartedSeconds;

    public bool Holds(double seconds) => seconds >= StartedSeconds && seconds < EndedSeconds;
}
