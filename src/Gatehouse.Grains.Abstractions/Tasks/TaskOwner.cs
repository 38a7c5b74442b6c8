namespace Gatehouse.Grains.Tasks;

/// <summary>Who created an upstream task through Gatehouse, and with which tool.</summary>
/// <param name="GrantId">The grant whose agent created it; only that grant's agents reach it.</param>
/// <param name="Subject">The end user the agent acted for (OAuth), if any; then only that user's requests reach it.</param>
/// <param name="Tool">The upstream tool whose call created the task.</param>
/// <param name="ExpiresAt">When the upstream may have forgotten the task (its <c>ttl</c>, bounded); the record goes then.</param>
/// <param name="Session">
/// The upstream session the task lives in, when that is a replica's shared connection (a 2026-07-28 agent's task at an
/// HTTP upstream): another replica resumes it to reach the task. Null when the task lives in the agent's own upstream
/// session, or in a process every replica reaches.
/// </param>
[GenerateSerializer, Immutable, Alias("Gatehouse.TaskOwner")]
public sealed record TaskOwner(
    [property: Id(0)] string GrantId,
    [property: Id(1)] string? Subject,
    [property: Id(2)] string Tool,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] Sessions.UpstreamBinding? Session = null)
{
    /// <summary>Whether a request of this grant and end user may reach the task.</summary>
    public bool IsOwnedBy(string grantId, string? subject) =>
        string.Equals(GrantId, grantId, StringComparison.Ordinal) && string.Equals(Subject, subject, StringComparison.Ordinal);
}
