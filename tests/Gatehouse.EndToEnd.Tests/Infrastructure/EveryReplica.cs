using System.Diagnostics;
using Xunit.Abstractions;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>Waits until a change has reached every replica, and reports how long that took (a benchmark figure, not an assertion).</summary>
internal static class EveryReplica
{
    /// <summary>
    /// Polls <paramref name="holds"/> for each replica until it holds for all of them; fails naming the
    /// replicas still behind only after <see cref="Eventually.Ceiling"/>, which catches a hang.
    /// </summary>
    public static async Task<TimeSpan> UntilAsync<T>(IReadOnlyList<T> replicas, Func<T, Task<bool>> holds, string what, ITestOutputHelper output)
    {
        var clock = Stopwatch.StartNew();
        var pending = replicas.ToList();
        await Eventually.HoldsAsync(
            async () =>
            {
                foreach (var replica in pending.ToList())
                {
                    if (await holds(replica))
                    {
                        pending.Remove(replica);
                    }
                }

                return pending.Count == 0;
            },
            () => $"{what} on every replica; not yet on {string.Join(", ", pending)}");
        output.WriteLine($"{what}: on all {replicas.Count} replicas after {clock.Elapsed.TotalMilliseconds:F0} ms");
        return clock.Elapsed;
    }
}
