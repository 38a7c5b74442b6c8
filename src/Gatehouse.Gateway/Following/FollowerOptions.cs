namespace Gatehouse.Gateway.Following;

/// <summary>
/// How often a <see cref="Follower{TState}"/> looks at the cluster. Not bound to configuration: these
/// are the gateway's own pace (README: a change reaches every replica within a second or two).
/// </summary>
internal sealed class FollowerOptions
{
    /// <summary>Between two rounds; 500 ms, so a change reaches every replica within a second.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest wait before a part that keeps failing is tried again; 4 s. The wait is one
    /// <see cref="Interval"/> after a first failure and doubles with each further failure in a row.
    /// </summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(4);
}
