namespace Gatehouse.Policy.Tests;

/// <summary>Fixed instants, so window arithmetic is checked against known boundaries.</summary>
internal static class Times
{
    /// <summary>A minute, hour and day boundary: 2025-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Midnight = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double seconds) => Midnight.AddMilliseconds(seconds * 1000);

    public static DateTimeOffset AtMs(long milliseconds) => Midnight.AddMilliseconds(milliseconds);
}
