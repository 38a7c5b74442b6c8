using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Reads the bounded numbers of the policy format.</summary>
internal static class JsonNumberReader
{
    /// <summary>A whole number from 1 to <paramref name="max"/>; <c>120.0</c> counts as whole, as in JSON Schema.</summary>
    public static bool TryReadWhole(JsonElement element, int max, out int value)
    {
        value = 0;
        if (!element.TryGetDecimal(out var number) || number != decimal.Truncate(number) || number < 1 || number > max)
        {
            return false;
        }

        value = (int)number;
        return true;
    }

    /// <summary>A number greater than 0 and at most <paramref name="max"/>.</summary>
    public static bool TryReadPositive(JsonElement element, decimal max, out decimal value) =>
        element.TryGetDecimal(out value) && value > 0 && value <= max;
}
