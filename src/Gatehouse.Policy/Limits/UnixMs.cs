namespace Gatehouse.Policy;

/// <summary>Millisecond arithmetic shared by the window algorithms.</summary>
internal static class UnixMs
{
    /// <summary>Marks "not yet used" in exported state.</summary>
    public const long Never = long.MinValue;

    public static long From(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset ToTime(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    /// <summary>The start of the <paramref name="lengthMs"/>-long window, aligned to the epoch, holding <paramref name="unixMs"/>.</summary>
    public static long FloorTo(long unixMs, long lengthMs)
    {
        var start = unixMs / lengthMs * lengthMs;
        return start > unixMs ? start - lengthMs : start;
    }

    public static TimeSpan Until(long unixMs, DateTimeOffset now)
    {
        var wait = ToTime(unixMs) - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
