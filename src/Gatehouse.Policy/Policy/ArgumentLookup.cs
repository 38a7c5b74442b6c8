using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Reads one argument from a call's arguments, where absent arguments are an empty object.</summary>
internal static class ArgumentLookup
{
    public static bool TryGet(JsonElement arguments, string name, out JsonElement value)
    {
        if (arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Present and not JSON null: what <c>require</c> and <c>exists</c> mean by "given".</summary>
    public static bool IsGiven(JsonElement arguments, string name) =>
        TryGet(arguments, name, out var value) && value.ValueKind != JsonValueKind.Null;
}
