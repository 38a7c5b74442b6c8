namespace Gatehouse.Upstreams;

/// <summary>A value that flows with the async context: set for a scope, seen by everything that scope awaits.</summary>
/// <remarks>Set it in the method that awaits the work, not inside an awaited method: a change made there ends with it.</remarks>
public sealed class AsyncValue
{
    private readonly AsyncLocal<string?> _current = new();

    /// <summary>The value in force here, if any.</summary>
    public string? Value => _current.Value;

    /// <summary>Puts <paramref name="value"/> in force until the scope ends.</summary>
    public Scope Use(string? value)
    {
        var previous = _current.Value;
        _current.Value = value;
        return new Scope(this, previous);
    }

    /// <summary>Restores the value in force before.</summary>
    public readonly struct Scope(AsyncValue owner, string? previous) : IDisposable
    {
        public void Dispose() => owner._current.Value = previous;
    }
}
