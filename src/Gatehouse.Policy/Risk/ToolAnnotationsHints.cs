using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>The four behaviour hints of an MCP tool's <c>annotations</c>; null where the upstream does not say.</summary>
/// <remarks>Hints are the upstream's own claims. MCP's defaults for absent hints (read-only false, destructive true,
/// idempotent false, open world true) are not filled in here: <see cref="ToolRisk.Classify"/> decides what absence means.</remarks>
/// <param name="ReadOnly"><c>readOnlyHint</c>: the tool does not modify its environment.</param>
/// <param name="Destructive"><c>destructiveHint</c>: the tool may delete or overwrite (meaningful when not read-only).</param>
/// <param name="Idempotent"><c>idempotentHint</c>: repeating a call with the same arguments has no further effect.</param>
/// <param name="OpenWorld"><c>openWorldHint</c>: the tool reaches entities outside the server (the web, other people).</param>
public sealed record ToolAnnotationsHints(bool? ReadOnly, bool? Destructive, bool? Idempotent, bool? OpenWorld)
{
    /// <summary>No hints at all: a tool without <c>annotations</c>.</summary>
    public static ToolAnnotationsHints None { get; } = new(null, null, null, null);

    /// <summary>True when at least one hint is given.</summary>
    public bool Any => ReadOnly is not null || Destructive is not null || Idempotent is not null || OpenWorld is not null;

    /// <summary>Reads the hints of an MCP <c>annotations</c> object; other keys (<c>title</c>) are ignored, and so is a
    /// hint that is <c>null</c>. <see cref="JsonValueKind.Undefined"/> and <c>null</c> give <see cref="None"/>.</summary>
    /// <exception cref="FormatException">The value is not an object, or a hint is neither a boolean nor null.</exception>
    public static ToolAnnotationsHints FromJson(JsonElement annotations)
    {
        if (annotations.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return None;
        }

        if (annotations.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"annotations must be a JSON object, found {JsonKinds.Describe(annotations)}");
        }

        return new ToolAnnotationsHints(
            Hint(annotations, "readOnlyHint"), Hint(annotations, "destructiveHint"), Hint(annotations, "idempotentHint"), Hint(annotations, "openWorldHint"));
    }

    private static bool? Hint(JsonElement annotations, string name)
    {
        if (!annotations.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw new FormatException($"annotations.{name} must be a boolean, found {JsonKinds.Describe(value)}"),
        };
    }
}
