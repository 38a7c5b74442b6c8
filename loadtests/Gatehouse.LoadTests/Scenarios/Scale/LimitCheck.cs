using Gatehouse.LoadTests.Agents;

namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>
/// Whether the fixed-window limit held: per grant and window, and in total. A call's admission was decided between
/// its start and its end; a call that started and ended in the same window was certainly admitted in it, so more
/// than <c>max</c> such calls in one window are an over-admission for certain. Calls that crossed a window's edge are
/// counted in the total: never more than <c>max</c> × windows × grants, by the agents' count or the upstream's.
/// </summary>
/// <param name="Limit">The limit, <c>max</c> per window per grant.</param>
/// <param name="WindowSeconds">The window's length.</param>
/// <param name="Grants">Grants whose agents called the limited tool (one counter each).</param>
/// <param name="Windows">Windows the run touched.</param>
/// <param name="MostAdmitted">The most the policy allows in the run: limit × windows × grants.</param>
/// <param name="Admitted">Admissions the agents saw.</param>
/// <param name="RanUpstream">Calls of the limited tool the upstream really ran (its own count).</param>
/// <param name="WindowsAtLimit">Grant windows in which exactly <c>max</c> calls were certainly admitted: the limit was reached there.</param>
/// <param name="FullestWindow">The most admissions certainly in one grant window.</param>
/// <param name="OverInWindows">Admissions certainly beyond <c>max</c> in their window, summed.</param>
internal sealed record LimitCheck(
    int Limit,
    int WindowSeconds,
    int Grants,
    long Windows,
    long MostAdmitted,
    int Admitted,
    int RanUpstream,
    int WindowsAtLimit,
    int FullestWindow,
    int OverInWindows)
{
    /// <summary>Admissions beyond the limit, in one window or in total, whichever shows more (must be 0).</summary>
    public long OverAdmitted => Math.Max(OverInWindows, Math.Max(0, Math.Max(Admitted, RanUpstream) - MostAdmitted));

    public static LimitCheck Of(CallLog log, int limit, int windowSeconds, int grants, int ranUpstream)
    {
        var windowMs = windowSeconds * 1000L;
        long WindowOf(long timestamp) => log.UtcAt(timestamp).ToUnixTimeMilliseconds() / windowMs;
        var admitted = log.Records.Where(r => r.Kind == OutcomeKind.Admitted).ToList();
        var certain = admitted
            .Where(r => WindowOf(r.Started) == WindowOf(r.Ended))
            .GroupBy(r => (r.Grant, Window: WindowOf(r.Started)))
            .Select(g => g.Count())
            .ToList();
        var windows = WindowOf(log.Ended ?? log.Started) - WindowOf(log.Started) + 1;
        return new LimitCheck(
            limit,
            windowSeconds,
            grants,
            windows,
            windows * limit * grants,
            admitted.Count,
            ranUpstream,
            certain.Count(c => c == limit),
            certain.DefaultIfEmpty(0).Max(),
            certain.Sum(c => Math.Max(0, c - limit)));
    }
}
