namespace Gatehouse.Policy.Tests;

public sealed class ArgumentSchemaReaderTests
{
    [Theory]
    [InlineData("""{ "type": "object", "required": ["a"] }""")]
    [InlineData("true")]
    [InlineData("""{ "properties": { "child": { "$ref": "#" } } }""")]
    [InlineData("""{ "properties": { "s": { "$ref": "https://json-schema.org/draft/2020-12/schema" } } }""")]
    [InlineData("""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": { "n": { "type": "integer" } }, "properties": { "a": { "$ref": "#/$defs/n" } } }""")]
    public void Valid_json_schemas_are_accepted(string schema)
    {
        Assert.NotNull(Policies.Valid(Policies.WithTool($$"""{ "arguments": {{schema}} }""")).Tools["t"].Arguments);
    }

    [Theory]
    [InlineData("""{ "type": "objekt" }""", "'objekt' is not a valid JSON Schema value type")]
    [InlineData("""{ "maxLength": -1 }""", "maxLength")]
    [InlineData("""{ "properties": { "a": { "$ref": "#/nowhere" } } }""", "cannot resolve $ref '#/nowhere'")]
    [InlineData("""{ "anyOf": [ { "$ref": "https://example.test/remote" } ] }""", "cannot resolve $ref 'https://example.test/remote'")]
    public void Invalid_schema_is_a_fault_with_the_schema_library_message(string schema, string message)
    {
        var fault = Assert.Single(Policies.Faults(Policies.WithTool($$"""{ "arguments": {{schema}} }""")));

        Assert.Equal("tools.t.arguments", fault.Path);
        Assert.StartsWith("is not a valid JSON Schema: ", fault.Message, StringComparison.Ordinal);
        Assert.Contains(message, fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_that_are_not_a_schema_name_the_expected_type()
    {
        Policies.HasOnlyFault(Policies.WithTool("""{ "arguments": "object" }"""), "tools.t.arguments", "must be a JSON Schema (an object or a boolean), found string");
    }

    [Fact]
    public void Two_policies_may_use_the_same_schema_id()
    {
        var json = Policies.WithTool("""{ "arguments": { "$id": "https://example.test/args", "type": "object" } }""");

        Assert.NotNull(Policies.Valid(json).Tools["t"].Arguments);
        Assert.NotNull(Policies.Valid(json).Tools["t"].Arguments);
    }
}
