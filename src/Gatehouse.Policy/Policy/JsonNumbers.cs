using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Numeric comparison of JSON numbers: exact in decimal where both fit, else in double.</summary>
internal static class JsonNumbers
{
    public static int Compare(JsonElement left, JsonElement right)
    {
        if (left.TryGetDecimal(out var leftDecimal) && right.TryGetDecimal(out var rightDecimal))
        {
            return leftDecimal.CompareTo(rightDecimal);
        }

        return left.GetDouble().CompareTo(right.GetDouble());
    }
}
