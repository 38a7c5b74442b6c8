using System.Threading.Channels;
using Gatehouse.Gateway.Following;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Gateway.Tests.Following;

/// <summary>
/// The follower on a fake clock: each round is one move of the clock, and the test reads which parts each
/// round caught up, so nothing here waits on the wall clock.
/// </summary>
public sealed class FollowerTests
{
    private static readonly FollowerOptions Pace = new() { Interval = TimeSpan.FromMilliseconds(500), MaxBackoff = TimeSpan.FromSeconds(4) };

    [Fact]
    public async Task A_failing_part_is_tried_after_waits_that_double_up_to_the_cap_and_holds_back_no_other()
    {
        var state = new ScriptedState(failuresOf: new() { ["a"] = int.MaxValue });
        var rounds = await RunRoundsAsync(state, 20);

        // Waits of 1, 2, 4 and then 8 rounds (4 s at 500 ms, the cap) between tries of "a"; "b" every round.
        Assert.Equal(
            ["ab", "ab", "b", "ab", "b", "b", "b", "ab", "b", "b", "b", "b", "b", "b", "b", "ab", "b", "b", "b", "b"],
            rounds);
        Assert.Equal(5, state.FailuresLogged);
        Assert.Equal(1, state.Starts);
    }

    [Fact]
    public async Task A_part_that_recovers_is_followed_every_round_again()
    {
        var state = new ScriptedState(failuresOf: new() { ["a"] = 2 });
        var rounds = await RunRoundsAsync(state, 7);

        // Fails in rounds 1 and 2, skips round 3 (its second wait), succeeds in round 4 and from then on.
        Assert.Equal(["ab", "ab", "b", "ab", "ab", "ab", "ab"], rounds);
        Assert.Equal(2, state.FailuresLogged);
    }

    [Fact]
    public async Task A_start_that_fails_stops_the_replica_start()
    {
        var state = new ScriptedState(failuresOf: [], failStart: true);
        using var follower = new Follower<ScriptedState>(state, Options.Create(Pace), new FakeTimeProvider());

        await Assert.ThrowsAsync<InvalidOperationException>(() => follower.StartAsync(CancellationToken.None));
        Assert.Equal(0, state.CatchUps);
    }

    /// <summary>Starts a follower of <paramref name="state"/> on a fake clock, moves the clock one interval per round, and returns which parts each round caught up.</summary>
    private static async Task<List<string>> RunRoundsAsync(ScriptedState state, int count)
    {
        var time = new FakeTimeProvider();
        using var follower = new Follower<ScriptedState>(state, Options.Create(Pace), time);
        await follower.StartAsync(CancellationToken.None);

        var rounds = new List<string>();
        for (var round = 0; round < count; round++)
        {
            if (round > 0)
            {
                time.Advance(Pace.Interval);
            }

            rounds.Add(await state.NextRoundAsync());
        }

        await follower.StopAsync(CancellationToken.None);
        return rounds;
    }

    /// <summary>Two parts, "a" then "b"; "b" always succeeds and closes each round.</summary>
    private sealed class ScriptedState(Dictionary<string, int> failuresOf, bool failStart = false) : IFollowedState
    {
        private readonly Channel<string> _rounds = Channel.CreateUnbounded<string>();
        private string _round = "";

        public IEnumerable<string> Parts => ["a", "b"];

        public int Starts { get; private set; }

        public int CatchUps { get; private set; }

        public int FailuresLogged { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Starts++;
            return failStart ? Task.FromException(new InvalidOperationException("the cluster is out of reach")) : Task.CompletedTask;
        }

        public Task CatchUpAsync(string part, CancellationToken cancellationToken)
        {
            CatchUps++;
            _round += part;
            if (part == "b")
            {
                _rounds.Writer.TryWrite(_round);
                _round = "";
            }

            if (failuresOf.TryGetValue(part, out var left) && left > 0)
            {
                failuresOf[part] = left - 1;
                throw new InvalidOperationException($"{part} is out of reach");
            }

            return Task.CompletedTask;
        }

        public void LogFailure(string part, Exception exception) => FailuresLogged++;

        public async Task<string> NextRoundAsync() => await _rounds.Reader.ReadAsync();
    }
}
