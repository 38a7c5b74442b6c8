using System.Text.Json;

namespace Gatehouse.Policy.Tools;

/// <summary>One difference between a pinned tool definition and the one served now, at a JSON pointer.</summary>
/// <param name="Path">JSON pointer into the definition, e.g. <c>/description</c> or <c>/inputSchema/properties/to</c>.</param>
/// <param name="Pinned">The pinned value; absent (undefined) when the field is new.</param>
/// <param name="Now">The value served now; absent (undefined) when the field was removed.</param>
public sealed record DefinitionDiff(string Path, JsonElement? Pinned, JsonElement? Now)
{
    /// <summary>Every difference, deepest first within objects; arrays of different lengths differ as a whole.</summary>
    public static IReadOnlyList<DefinitionDiff> Between(string pinnedJson, string nowJson)
    {
        using var pinned = JsonDocument.Parse(pinnedJson);
        using var now = JsonDocument.Parse(nowJson);
        var differences = new List<DefinitionDiff>();
        Compare(string.Empty, pinned.RootElement, now.RootElement, differences);
        return differences;
    }

    private static void Compare(string path, JsonElement pinned, JsonElement now, List<DefinitionDiff> differences)
    {
        if (pinned.ValueKind == JsonValueKind.Object && now.ValueKind == JsonValueKind.Object)
        {
            var names = pinned.EnumerateObject().Select(p => p.Name).Union(now.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var childPath = $"{path}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
                var hadIt = pinned.TryGetProperty(name, out var before);
                var hasIt = now.TryGetProperty(name, out var after);
                if (hadIt && hasIt)
                {
                    Compare(childPath, before, after, differences);
                }
                else
                {
                    differences.Add(new DefinitionDiff(childPath, hadIt ? before.Clone() : null, hasIt ? after.Clone() : null));
                }
            }

            return;
        }

        if (pinned.ValueKind == JsonValueKind.Array && now.ValueKind == JsonValueKind.Array && pinned.GetArrayLength() == now.GetArrayLength())
        {
            for (var i = 0; i < pinned.GetArrayLength(); i++)
            {
                Compare($"{path}/{i}", pinned[i], now[i], differences);
            }

            return;
        }

        if (!JsonElement.DeepEquals(pinned, now))
        {
            differences.Add(new DefinitionDiff(path, pinned.Clone(), now.Clone()));
        }
    }
}
