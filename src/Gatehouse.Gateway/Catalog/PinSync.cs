using Gatehouse.Gateway.Following;
using Gatehouse.Grains.Pins;
using Gatehouse.Upstreams;

namespace Gatehouse.Gateway.Catalog;

/// <summary>
/// Picks up each upstream's pins from its tool-catalogue grain when they changed (a definition seen
/// changed on another replica, or accepted by an operator), followed by a <see cref="Follower{TState}"/>
/// twice a second, so every replica hides and refuses the same tools within a second.
/// </summary>
internal sealed partial class PinSync(ToolCatalog catalog, UpstreamCatalog upstreams, IGrainFactory grains, ILogger<PinSync> logger)
    : IFollowedState
{
    public IEnumerable<string> Parts => upstreams.Upstreams.Keys;

    // Pins are learnt in the first round, which comes at once; the start does not wait for them.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task CatchUpAsync(string part, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IToolPinGrain>(part).GetAsync(catalog.PinsEtag(part)) is { } snapshot)
        {
            catalog.Adopt(part, snapshot);
        }
    }

    public void LogFailure(string part, Exception exception) =>
        Log.SyncFailed(logger, part, exception.GetType().Name, exception.Message);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1910, Level = LogLevel.Warning, Message = "Could not check the tool pins of {Upstream}: {ErrorType}: {Error}")]
        public static partial void SyncFailed(ILogger logger, string upstream, string errorType, string error);
    }
}
