namespace Gatehouse.Host.Tests.Admin;

/// <summary>
/// Makes this process's calls to one grain interface fail the way Orleans fails them while membership
/// changes, a given number of times, and counts the calls made.
/// </summary>
internal sealed class FailingGrainCalls : IOutgoingGrainCallFilter
{
    private Type? _grainInterface;
    private Func<Exception>? _failure;
    private int _failuresLeft;
    private int _calls;

    /// <summary>Calls made to the grain interface since <see cref="Fail"/>.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public void Fail(Type grainInterface, int times, Func<Exception> failure)
    {
        _failure = failure;
        _failuresLeft = times;
        _calls = 0;
        _grainInterface = grainInterface;
    }

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (_grainInterface is not null && context.InterfaceMethod?.DeclaringType == _grainInterface)
        {
            Interlocked.Increment(ref _calls);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                throw _failure!();
            }
        }

        return context.Invoke();
    }
}
