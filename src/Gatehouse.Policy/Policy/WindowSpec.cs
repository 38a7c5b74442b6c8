using System.Globalization;

namespace Gatehouse.Policy;

/// <summary>The length of a limit's window (<c>window</c>): <c>"second"</c>, <c>"minute"</c>, <c>"hour"</c>,
/// <c>"day"</c>, or a positive whole number of seconds.</summary>
/// <param name="Seconds">The window's length in seconds; at least 1.</param>
public readonly record struct WindowSpec(int Seconds)
{
    /// <summary>The window's length as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan Length => TimeSpan.FromSeconds(Seconds);

    /// <summary>The unit name for 1, 60, 3600 and 86400 seconds (as in "10 per minute"), otherwise "{n} s".</summary>
    public override string ToString() => Seconds switch
    {
        1 => "second",
        60 => "minute",
        3600 => "hour",
        86400 => "day",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Seconds} s"),
    };
}
