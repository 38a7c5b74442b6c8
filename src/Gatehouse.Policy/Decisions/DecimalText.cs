using System.Globalization;

namespace Gatehouse.Policy;

/// <summary>Writes decimals for people: "5000", "2.5", never "2.50" or "5E+3".</summary>
internal static class DecimalText
{
    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
