using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Names JSON value kinds the way fault messages do ("found number").</summary>
internal static class JsonKinds
{
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
