using System.Globalization;

namespace Gatehouse.Testing;

/// <summary>
/// Fixed windows are aligned to the UTC epoch, so an <c>"hour"</c> window rolls over at every full hour and a
/// <c>"day"</c> one at midnight: a run that spends a budget and straddles the roll-over sees a fresh window, and more
/// admitted than the budget (the failover test once counted 148 calls under a limit of 100 across 19:00 UTC). Policies
/// that count exactly use <see cref="Seconds"/> instead: a window length, chosen once per process, whose current
/// window lasts longer than any run may. Reading the clock only chooses the length; nothing waits on it.
/// </summary>
internal static class SteadyWindow
{
    /// <summary>More than a whole CI run may take (90 minutes), with room.</summary>
    private const long NeededSeconds = 3 * 3600;

    /// <summary>The <c>window</c> of a limit that will not roll over during this run, in seconds.</summary>
    public static readonly int Seconds = Choose(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    /// <summary><see cref="Seconds"/> as a policy's JSON value.</summary>
    public static readonly string Json = Seconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>How the gateway names the window in a refusal ("10 per {label}").</summary>
    public static readonly string Label = $"{Json} s";

    /// <summary>
    /// A length, from a day on in steps of an hour, whose epoch-aligned window holding <paramref name="now"/> ends at
    /// least <see cref="NeededSeconds"/> later. About twenty thousand such windows have passed since the epoch, so each
    /// hour added moves the current window's end far from where it was; one of the first few lengths qualifies.
    /// </summary>
    internal static int Choose(long now)
    {
        for (var length = 86_400 + 1; ; length += 3_600)
        {
            if (length - (now % length) >= NeededSeconds)
            {
                return length;
            }
        }
    }
}
