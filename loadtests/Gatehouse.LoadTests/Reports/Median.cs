namespace Gatehouse.LoadTests.Reports;

/// <summary>The median of per-round figures: one noisy round on a shared machine moves it least.</summary>
internal static class Median
{
    /// <summary>The middle value (the mean of the two middle ones for an even count); null for none.</summary>
    public static double? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
