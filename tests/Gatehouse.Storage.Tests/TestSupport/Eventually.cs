namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>Polls a condition that a cluster reaches on its own schedule.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Within {timeout.TotalSeconds:0} s, expected {what}.");
            }

            await Task.Delay(Interval);
        }
    }
}
