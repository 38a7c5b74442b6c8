using System.Collections.Concurrent;

namespace Gatehouse.TestUpstream.Invocations;

/// <summary>
/// How many times each tool was called in this process since it started; a singleton shared by every
/// session, so tests can prove that a call the gateway refused never reached the upstream.
/// </summary>
internal sealed class InvocationCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Record(string toolName) => _counts.AddOrUpdate(toolName, 1, static (_, count) => count + 1);

    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);
}
