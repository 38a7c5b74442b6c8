using Gatehouse.Gateway.Limits;
using Gatehouse.Grains.Limits;

namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>
/// Gatehouse's counter decision as a replica makes it by default: through <see cref="CounterBatcher"/>, which
/// sends concurrent requests for one key to its grain together (each still decided on its own, in order).
/// </summary>
internal sealed class BatchedGrainDecisionPath(string name, string description, IGrainFactory caller, IReadOnlyList<ICounterGrain> counters) : IDecisionPath
{
    private readonly CounterBatcher _batcher = new(caller);
    private readonly string[] _keys = [.. counters.Select(counter => counter.GetPrimaryKeyString())];
    private int _next;

    public string Name => name;

    public string Description => description;

    public async ValueTask<bool> DecideAsync()
    {
        var decision = await _batcher.TryAcquireAsync(_keys[(int)((uint)Interlocked.Increment(ref _next) % (uint)_keys.Length)], GrainDecisionPath.Limit, 1);
        return decision.Admitted;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
