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
        EvaluationResults results;
        try
        {
            results = _schema.Evaluate(instance, Options);
        }
#pragma warning disable CA1031 // Whatever the schema library throws, the call must be refused rather than crash the gateway.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new ArgumentValidation(false, ["(root): the schema could not be evaluated"]);
        }

        return results.IsValid ? ArgumentValidation.Valid : new ArgumentValidation(false, SchemaErrorText.Collect(results));
    }

    /// <summary>Compiles a schema; throws when it is not a valid JSON Schema.</summary>
    internal static ArgumentSchema Compile(JsonElement schema)
    {
        // A registry per schema: the global one would collect every policy ever loaded and
        // make two policies with the same "$id" interfere. Clone so the schema outlives the parsed document.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var built = JsonSchema.Build(schema.Clone(), options);
        var unresolved = SchemaReferences.Unresolved(built.Root).ToList();
        if (unresolved.Count > 0)
        {
            throw new JsonSchemaException($"cannot resolve $ref {string.Join(", ", unresolved.Select(reference => $"'{reference}'"))}");
        }

        return new ArgumentSchema(built);
    }
}
