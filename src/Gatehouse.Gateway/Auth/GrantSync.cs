using Gatehouse.Gateway.Following;
using Gatehouse.Grains.Grants;

namespace Gatehouse.Gateway.Auth;

/// <summary>
/// Follows the cluster's admin-made grants (with a <see cref="Follower{TState}"/>, twice a second), so a new
/// grant works, and a revoked one stops, on every replica within a second.
/// </summary>
internal sealed partial class GrantSync(GrantRegistry registry, IGrainFactory grains, ILogger<GrantSync> logger) : IFollowedState
{
    public const string GrainKey = "all";

    private long _known;

    public IEnumerable<string> Parts { get; } = [GrainKey];

    public Task StartAsync(CancellationToken cancellationToken) => RefreshAsync();

    public Task CatchUpAsync(string part, CancellationToken cancellationToken) => RefreshAsync();

    public void LogFailure(string part, Exception exception) =>
        Log.SyncFailed(logger, exception.GetType().Name, exception.Message);

    /// <summary>Picks up a change at once (the replica that made it does not wait for its next round).</summary>
    public async Task RefreshAsync()
    {
        if (await grains.GetGrain<IGrantsGrain>(GrainKey).GetSinceAsync(_known) is { } snapshot)
        {
            registry.Replace(snapshot.Grants);
            _known = snapshot.Version;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1600, Level = LogLevel.Warning, Message = "Could not refresh the grants: {ErrorType}: {Error}")]
        public static partial void SyncFailed(ILogger logger, string errorType, string error);
    }
}
