namespace Gatehouse.Upstreams;

/// <summary>
/// The requests of one agent session in flight at a place, newest last: what the upstream asks or tells the agent goes
/// with the newest one (on its response stream), the way an agent expects it.
/// </summary>
/// <typeparam name="T">What stands for a request in flight: its server, or the replica serving it.</typeparam>
public sealed class NewestInFlight<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly LinkedList<T> _inFlight = [];

    /// <summary>The newest request in flight, if any.</summary>
    public T? Newest
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Last?.Value;
            }
        }
    }

    /// <summary>A request runs until the result is disposed.</summary>
    public IDisposable Begin(T request)
    {
        LinkedListNode<T> node;
        lock (_gate)
        {
            node = _inFlight.AddLast(request);
        }

        return new Ending(this, node);
    }

    private void End(LinkedListNode<T> node)
    {
        lock (_gate)
        {
            _inFlight.Remove(node);
        }
    }

    private sealed class Ending(NewestInFlight<T> owner, LinkedListNode<T> node) : IDisposable
    {
        public void Dispose() => owner.End(node);
    }
}
