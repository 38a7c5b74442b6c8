using System.Text.Json.Nodes;

namespace Gatehouse.Gateway.Front;

/// <summary>Taking entries out of a message's <c>_meta</c>, which goes with its last entry.</summary>
internal static class ParamsMeta
{
    /// <summary>Removes from <paramref name="parameters"/>' <c>_meta</c> the entries <paramref name="dropped"/> names, and the <c>_meta</c> left empty.</summary>
    public static void Remove(JsonObject parameters, Func<string, bool> dropped)
    {
        if (parameters["_meta"] is not JsonObject meta)
        {
            return;
        }

        foreach (var key in meta.Select(entry => entry.Key).Where(dropped).ToList())
        {
            meta.Remove(key);
        }

        if (meta.Count == 0)
        {
            parameters.Remove("_meta");
        }
    }

    /// <summary>A copy of <paramref name="parameters"/> without the <c>_meta</c> entry <paramref name="key"/>; the params themselves when they have none.</summary>
    public static JsonNode? Without(JsonNode? parameters, string key)
    {
        if (parameters?["_meta"] is not JsonObject meta || !meta.ContainsKey(key))
        {
            return parameters;
        }

        var copy = parameters.DeepClone().AsObject();
        Remove(copy, entry => entry == key);
        return copy;
    }
}
