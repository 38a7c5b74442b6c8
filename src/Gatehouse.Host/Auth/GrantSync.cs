using Gatehouse.Grains.Grants;

namespace Gatehouse.Host.Auth;

/// <summary>Follows the cluster's admin-made grants twice a second, so a new grant works, and a revoked one stops, on every replica within a second.</summary>
internal sealed partial class GrantSync(GrantRegistry registry, IGrainFactory grains, TimeProvider time, ILogger<GrantSync> logger) : BackgroundService
{
    public const string GrainKey = "all";

    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    private long _known;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync();
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Picks up a change at once (the replica that made it does not wait for its next period).</summary>
    public async Task RefreshAsync()
    {
        if (await grains.GetGrain<IGrantsGrain>(GrainKey).GetSinceAsync(_known) is { } snapshot)
        {
            registry.Replace(snapshot.Grants);
            _known = snapshot.Version;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SyncFailed(logger, ex.GetType().Name, ex.Message);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1600, Level = LogLevel.Warning, Message = "Could not refresh the grants: {ErrorType}: {Error}")]
        public static partial void SyncFailed(ILogger logger, string errorType, string error);
    }
}
