namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>
/// Steady load between membership changes: at least <paramref name="length"/>, and until the agents made
/// <paramref name="calls"/> more calls, so that a slow machine still puts load on every phase.
/// </summary>
internal sealed class SteadyHold(TimeSpan length, Func<int> callsSoFar, int calls)
{
    public async Task WaitAsync()
    {
        var target = callsSoFar() + calls;
        await Task.Delay(length);
        while (callsSoFar() < target)
        {
            await Task.Delay(20);
        }
    }
}
