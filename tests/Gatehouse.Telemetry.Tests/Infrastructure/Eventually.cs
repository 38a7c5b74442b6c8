namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>Waits for something the system reaches on its own schedule (a span exported after the answer, a silo joining).</summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="describe"/>'s text after <paramref name="limit"/>.</summary>
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan limit, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Still not true after {limit.TotalSeconds:0} s: {describe()}");
            }

            await Task.Delay(Interval);
        }
    }
}
