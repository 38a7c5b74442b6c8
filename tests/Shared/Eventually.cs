using System.Diagnostics;

namespace Gatehouse.Testing;

/// <summary>
/// Waits for what the system reaches on its own schedule: a change reaching every replica, a row written
/// after the answer, a silo joining. The ceiling only catches a hang, so it is generous; how long a wait
/// took is a figure for the test output, never an assertion.
/// </summary>
internal static class Eventually
{
    /// <summary>How long a wait may last before the test fails as hung (a busy two-core machine is slow, not stuck).</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>The first value of <paramref name="read"/> that satisfies <paramref name="done"/>; fails with <paramref name="describe"/> of the last one after the ceiling.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, string> describe, TimeSpan? ceiling = null)
    {
        var limit = ceiling ?? Ceiling;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Still not there after {limit.TotalSeconds:0} s: {describe(value)}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Returns how long it took until <paramref name="condition"/> held; fails naming <paramref name="what"/> after the ceiling.</summary>
    public static Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? ceiling = null) =>
        HoldsAsync(condition, () => $"expected {what}", ceiling);

    /// <summary>Returns how long it took until <paramref name="condition"/> held; fails with <paramref name="describe"/>'s text after the ceiling.</summary>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, Func<string> describe, TimeSpan? ceiling = null)
    {
        var clock = Stopwatch.StartNew();
        await ValueAsync(condition, held => held, _ => describe(), ceiling);
        return clock.Elapsed;
    }

    /// <summary>Returns how long it took until <paramref name="condition"/> held; fails with <paramref name="describe"/>'s text after the ceiling.</summary>
    public static async Task<TimeSpan> HoldsAsync(Func<bool> condition, Func<string> describe, TimeSpan? ceiling = null)
    {
        var clock = Stopwatch.StartNew();
        await ValueAsync(() => Task.FromResult(condition()), held => held, _ => describe(), ceiling);
        return clock.Elapsed;
    }
}
