namespace Gatehouse.Policy.Tests;

public sealed class ArgumentSchemaTests
{
    private static ArgumentSchema Schema(string schemaJson) =>
        Policies.Valid(Policies.WithTool($$"""{ "arguments": {{schemaJson}} }""")).Tools["t"].Arguments!;

    [Fact]
    public void Matching_arguments_are_valid_with_no_errors()
    {
        var validation = Schema("""{ "type": "object", "properties": { "message": { "maxLength": 5 } } }""").Validate(Arguments.Of("""{ "message": "hi" }"""));

        Assert.True(validation.IsValid);
        Assert.Empty(validation.Errors);
    }

    [Fact]
    public void Error_names_the_instance_location_and_the_keyword()
    {
        var validation = Schema("""{ "type": "object", "properties": { "message": { "maxLength": 5 } } }""").Validate(Arguments.Of("""{ "message": "far too long" }"""));

        Assert.False(validation.IsValid);
        var error = Assert.Single(validation.Errors);
        Assert.StartsWith("/message: maxLength", error, StringComparison.Ordinal);
        Assert.DoesNotContain("far too long", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_failure_is_listed()
    {
        var validation = Schema("""
            { "type": "object", "required": ["to"], "additionalProperties": false,
              "properties": { "n": { "type": "integer" }, "s": { "pattern": "^a" } } }
            """).Validate(Arguments.Of("""{ "n": "seven", "s": "b", "x": 1 }"""));

        Assert.False(validation.IsValid);
        Assert.Contains(validation.Errors, error => error.StartsWith("(root): required", StringComparison.Ordinal) && error.Contains("to", StringComparison.Ordinal));
        Assert.Contains(validation.Errors, error => error.StartsWith("/n: type", StringComparison.Ordinal));
        Assert.Contains(validation.Errors, error => error.StartsWith("/s: pattern", StringComparison.Ordinal));
        Assert.Contains("/x: is not allowed by the schema", validation.Errors);
    }

    [Theory]
    [InlineData("""{ "minimum": 40000 }""", "/amount: minimum: is less than the schema's minimum")]
    [InlineData("""{ "maximum": 1 }""", "/amount: maximum: is greater than the schema's maximum")]
    [InlineData("""{ "exclusiveMaximum": 1 }""", "/amount: exclusiveMaximum: is not less than the schema's exclusive maximum")]
    [InlineData("""{ "exclusiveMinimum": 40000 }""", "/amount: exclusiveMinimum: is not greater than the schema's exclusive minimum")]
    [InlineData("""{ "multipleOf": 7 }""", "/amount: multipleOf: is not a multiple of the schema's divisor")]
    public void Keywords_whose_library_message_quotes_the_value_get_value_free_text(string amountSchema, string expected)
    {
        var validation = Schema($$"""{ "properties": { "amount": {{amountSchema}} } }""").Validate(Arguments.Of("""{ "amount": 31337 }"""));

        Assert.Equal([expected], validation.Errors);
    }

    [Fact]
    public void No_error_message_contains_the_argument_values()
    {
        var validation = Schema("""
            { "properties": { "a": { "minimum": 99999999 }, "b": { "enum": ["x"] }, "c": { "const": "y" },
              "d": { "type": "integer" }, "e": { "maxLength": 1 }, "f": { "not": {} } } }
            """).Validate(Arguments.Of("""{ "a": 4242, "b": "SECRET-B", "c": "SECRET-C", "d": "SECRET-D", "e": "SECRET-E", "f": "SECRET-F" }"""));

        Assert.False(validation.IsValid);
        Assert.All(validation.Errors, error =>
        {
            Assert.DoesNotContain("SECRET", error, StringComparison.Ordinal);
            Assert.DoesNotContain("4242", error, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(System.Text.Json.JsonValueKind.Undefined)]
    [InlineData(System.Text.Json.JsonValueKind.Null)]
    public void Absent_arguments_are_checked_as_an_empty_object(System.Text.Json.JsonValueKind kind)
    {
        var arguments = kind == System.Text.Json.JsonValueKind.Null ? Arguments.Of("null") : Arguments.None;
        var schema = Schema("""{ "type": "object", "required": ["a"] }""");

        var validation = schema.Validate(arguments);

        Assert.False(validation.IsValid);
        Assert.StartsWith("(root): required", Assert.Single(validation.Errors), StringComparison.Ordinal);
        Assert.True(Schema("""{ "type": "object" }""").Validate(arguments).IsValid);
    }

    [Fact]
    public void False_schema_refuses_everything()
    {
        var validation = Schema("false").Validate(Arguments.Of("{}"));

        Assert.False(validation.IsValid);
        Assert.NotEmpty(validation.Errors);
    }

    [Fact]
    public void One_schema_validates_concurrent_calls_independently()
    {
        var schema = Schema("""{ "type": "object", "properties": { "n": { "type": "integer", "maximum": 10 } }, "required": ["n"] }""");
        var good = Arguments.Of("""{ "n": 3 }""");
        var bad = Arguments.Of("""{ "n": 30 }""");
        var outcomes = new bool[2000];

        Parallel.For(0, outcomes.Length, index => outcomes[index] = schema.Validate(index % 2 == 0 ? good : bad).IsValid);

        Assert.All(outcomes.Select((valid, index) => (valid, index)), outcome => Assert.Equal(outcome.index % 2 == 0, outcome.valid));
    }
}
