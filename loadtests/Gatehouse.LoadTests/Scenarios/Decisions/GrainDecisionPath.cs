using Gatehouse.Grains.Limits;

namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>Gatehouse's counter decision: <c>ICounterGrain.TryAcquireAsync</c> called from a silo, as a replica calls it.</summary>
internal sealed class GrainDecisionPath(string name, string description, IReadOnlyList<ICounterGrain> counters) : IDecisionPath
{
    /// <summary>Never reached, so every decision admits (the admission path is the one measured).</summary>
    public static readonly CounterLimit Limit = new(CounterAlgorithm.Fixed, 3600, 1_000_000_000_000);

    private int _next;

    public string Name => name;

    public string Description => description;

    public async ValueTask<bool> DecideAsync()
    {
        var decision = await counters[(int)((uint)Interlocked.Increment(ref _next) % (uint)counters.Count)].TryAcquireAsync(Limit, 1);
        return decision.Admitted;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
