using System.Text.Json;

namespace Gatehouse.Policy.Tests;

/// <summary>Call arguments for tests.</summary>
internal static class Arguments
{
    /// <summary>No arguments at all, as when a call omits <c>arguments</c>.</summary>
    public static JsonElement None => default;

    public static JsonElement Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
