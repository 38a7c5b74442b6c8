using Gatehouse.Grains.Pins;
using Gatehouse.Upstreams;

namespace Gatehouse.Host.Catalog;

/// <summary>
/// Twice a second, picks up each upstream's pins from its tool-catalogue grain when they changed (a
/// definition seen changed on another replica, or accepted by an operator), so every replica hides and
/// refuses the same tools within a second.
/// </summary>
internal sealed partial class PinSync(ToolCatalog catalog, UpstreamCatalog upstreams, IGrainFactory grains, TimeProvider time, ILogger<PinSync> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            foreach (var upstream in upstreams.Upstreams.Keys)
            {
                try
                {
                    if (await grains.GetGrain<IToolPinGrain>(upstream).GetAsync(catalog.PinsEtag(upstream)) is { } snapshot)
                    {
                        catalog.Adopt(upstream, snapshot);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.SyncFailed(logger, upstream, ex.GetType().Name, ex.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1910, Level = LogLevel.Warning, Message = "Could not check the tool pins of {Upstream}: {ErrorType}: {Error}")]
        public static partial void SyncFailed(ILogger logger, string upstream, string errorType, string error);
    }
}
