namespace Gatehouse.Gateway.Following;

/// <summary>
/// Cluster state of which each replica keeps a copy, kept in step by a <see cref="Follower{TState}"/>.
/// The state is made of parts (one per upstream, or one in all) that are caught up one by one, so a
/// part that cannot be reached holds back no other.
/// </summary>
internal interface IFollowedState
{
    /// <summary>The parts to follow, asked again before each round.</summary>
    IEnumerable<string> Parts { get; }

    /// <summary>Done once as the replica starts, before it serves; a failure here stops the start.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Brings this replica's copy of one part up to date with the cluster.</summary>
    Task CatchUpAsync(string part, CancellationToken cancellationToken);

    /// <summary>Logs a failed catch-up, in the state's own words and event id; the follower tries again later.</summary>
    void LogFailure(string part, Exception exception);
}
