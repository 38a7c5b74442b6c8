namespace Gatehouse.EndToEnd.Tests.Infrastructure;

internal static class Windows
{
    /// <summary>More than any test needs to make its calls; only the last minutes of a UTC day are that close to its end.</summary>
    private static readonly TimeSpan Needed = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Fixed windows are aligned to UTC. A test that must fit its calls into one day-long window starts
    /// after midnight when the day is about to end, rather than risk straddling two.
    /// </summary>
    public static async Task EnsureFreshDayAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var nextDay = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        if (nextDay - now < Needed)
        {
            await Task.Delay(nextDay - now + TimeSpan.FromSeconds(1));
        }
    }
}
