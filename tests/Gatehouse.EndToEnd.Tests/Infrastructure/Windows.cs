namespace Gatehouse.EndToEnd.Tests.Infrastructure;

internal static class Windows
{
    /// <summary>
    /// Fixed windows are aligned to the UTC minute. A test that must fit its calls into one window
    /// starts early in a minute rather than risk straddling two.
    /// </summary>
    public static async Task EnsureFreshMinuteAsync(TimeSpan needed)
    {
        var now = DateTimeOffset.UtcNow;
        var left = TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.Ticks % TimeSpan.TicksPerMinute);
        if (left < needed)
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(50));
        }
    }
}
