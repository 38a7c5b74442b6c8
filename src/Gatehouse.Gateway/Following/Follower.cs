using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Following;

/// <summary>
/// Keeps this replica's copy of one <see cref="IFollowedState"/> in step with the cluster: once as the
/// replica starts, then in rounds (one at once, then one every <see cref="FollowerOptions.Interval"/>) that
/// catch up each part in turn. A part that fails is logged and left out of the next rounds for a wait that
/// doubles with each failure in a row, up to <see cref="FollowerOptions.MaxBackoff"/>, so an unreachable
/// grain or database is neither hammered nor flooding the log; the other parts keep following. The clock
/// is the <see cref="TimeProvider"/>, so tests move it instead of waiting.
/// </summary>
internal sealed class Follower<TState>(TState state, IOptions<FollowerOptions> options, TimeProvider time) : BackgroundService
    where TState : IFollowedState
{
    private readonly FollowerOptions _options = options.Value;

    // Only the loop reads and writes these, one round at a time.
    private readonly Dictionary<string, Backoff> _backoffs = new(StringComparer.Ordinal);

    private int MaxRoundsApart => Math.Max(1, (int)(_options.MaxBackoff / _options.Interval));

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await state.StartAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A periodic timer keeps its pace whatever a round takes, and a tick that comes during a round is not lost.
        using var timer = new PeriodicTimer(_options.Interval, time);
        do
        {
            await RoundAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        foreach (var part in state.Parts)
        {
            var backoff = _backoffs.GetValueOrDefault(part);
            if (backoff is { RoundsToSkip: > 0 })
            {
                backoff.RoundsToSkip--;
                continue;
            }

            try
            {
                await state.CatchUpAsync(part, stoppingToken);
                _backoffs.Remove(part);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (backoff is null)
                {
                    backoff = new Backoff();
                    _backoffs[part] = backoff;
                }

                backoff.Failed(MaxRoundsApart);
                state.LogFailure(part, ex);
            }
        }
    }

    /// <summary>Counted in rounds, not read off the clock, so a retry never slips a round behind its wait.</summary>
    private sealed class Backoff
    {
        private int _failuresInARow;

        public int RoundsToSkip { get; set; }

        public void Failed(int maxRoundsApart)
        {
            _failuresInARow++;
            var roundsApart = 1L << Math.Min(_failuresInARow - 1, 30);
            RoundsToSkip = (int)Math.Min(roundsApart, maxRoundsApart) - 1;
        }
    }
}
