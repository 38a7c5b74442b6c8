using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace Gatehouse.Policy;

/// <summary>A tool's <c>arguments</c> JSON Schema, compiled once when the policy is parsed.</summary>
public sealed class ArgumentSchema
{
    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        Culture = CultureInfo.InvariantCulture,
    };

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly JsonSchema _schema;

    private ArgumentSchema(JsonSchema schema) => _schema = schema;

    /// <summary>Checks a call's arguments (<see cref="JsonValueKind.Undefined"/> or <see cref="JsonValueKind.Null"/>
    /// count as an empty object).</summary>
    public ArgumentValidation Validate(JsonElement arguments)
    {
        var instance = arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? EmptyObject : arguments;
        var results = _schema.Evaluate(instance, Options);
        return results.IsValid ? ArgumentValidation.Valid : new ArgumentValidation(false, SchemaErrorText.Collect(results));
    }

    /// <summary>Compiles a schema; throws when it is not a valid JSON Schema.</summary>
    internal static ArgumentSchema Compile(JsonElement schema)
    {
        // A registry per schema: the global one would collect every policy ever loaded and
        // make two policies with the same "$id" interfere. Clone so the schema outlives the parsed document.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return new ArgumentSchema(JsonSchema.Build(schema.Clone(), options));
    }
}
