using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Reads a tool's <c>arguments</c> and compiles it as a JSON Schema.</summary>
internal static class ArgumentSchemaReader
{
    public static ArgumentSchema? Read(JsonObjectReader tool)
    {
        if (!tool.TryGet("arguments", out var schema))
        {
            return null;
        }

        var path = tool.PathOf("arguments");
        if (schema.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            tool.Faults.WrongType(path, "a JSON Schema (an object or a boolean)", schema);
            return null;
        }

        try
        {
            return ArgumentSchema.Compile(schema);
        }
#pragma warning disable CA1031 // The schema library throws several exception types for bad schemas; each one is a fault to report, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            tool.Faults.Add(path, $"is not a valid JSON Schema: {ex.Message}");
            return null;
        }
    }
}
