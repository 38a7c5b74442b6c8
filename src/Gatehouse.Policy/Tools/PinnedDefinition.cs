using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Policy.Json;

namespace Gatehouse.Policy.Tools;

/// <summary>
/// A tool's definition as pinned: the fields that tell an agent (and Gatehouse) what the tool does —
/// name, title, description, input and output schema, annotations — as canonical JSON, and its SHA-256.
/// <c>_meta</c> and icons are left out: they do not change what a call does.
/// </summary>
public sealed record PinnedDefinition(string Name, string Sha256, string Json)
{
    private static readonly string[] PinnedFields = ["name", "title", "description", "inputSchema", "outputSchema", "annotations"];

    /// <summary>The definition of one entry of a <c>tools/list</c> result; null when it has no name.</summary>
    public static PinnedDefinition? From(JsonObject tool)
    {
        if (tool["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name))
        {
            return null;
        }

        var pinned = new JsonObject();
        foreach (var field in PinnedFields)
        {
            if (tool[field] is { } value)
            {
                pinned[field] = value.DeepClone();
            }
        }

        var json = CanonicalJson.Text(JsonSerializer.SerializeToElement(pinned));
        return new PinnedDefinition(name, Sha256Hex.Of(json), json);
    }

    /// <summary>What the risk classifier reads of this definition.</summary>
    public ToolDescription Describe() => Describe(Name, Json);

    /// <summary>What the risk classifier reads of a pinned definition's JSON. Hints the upstream gives in the wrong type are ignored.</summary>
    public static ToolDescription Describe(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var description = root.TryGetProperty("description", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        var hints = ToolAnnotationsHints.None;
        if (root.TryGetProperty("annotations", out var annotations))
        {
            try
            {
                hints = ToolAnnotationsHints.FromJson(annotations);
            }
            catch (FormatException)
            {
                // A hint of the wrong type says nothing; the name and description still classify the tool.
            }
        }

        return new ToolDescription(name, description, hints);
    }
}
