namespace Gatehouse.Policy.Tests;

public sealed class LimitRuleReaderTests
{
    private static LimitRule ReadOne(string limitJson) => Assert.Single(Policies.Valid(Policies.WithLimit(limitJson)).Tools["t"].Limits);

    [Fact]
    public void Every_field_is_read()
    {
        var limit = ReadOne("""
            { "counter": "team:spend.v2", "window": 90, "max": 2.5, "scope": "session", "algorithm": "token_bucket", "increment_from": "args.amount" }
            """);

        Assert.Equal(new LimitRule("team:spend.v2", new WindowSpec(90), 2.5m, LimitScope.Session, WindowAlgorithm.TokenBucket, "amount"), limit);
    }

    [Fact]
    public void Scope_and_algorithm_default_to_grant_and_fixed()
    {
        var limit = ReadOne("""{ "counter": "c", "window": "minute", "max": 10 }""");

        Assert.Equal((LimitScope.Grant, WindowAlgorithm.Fixed, (string?)null), (limit.Scope, limit.Algorithm, limit.IncrementFrom));
    }

    [Theory]
    [InlineData("grant", LimitScope.Grant)]
    [InlineData("session", LimitScope.Session)]
    [InlineData("global", LimitScope.Global)]
    public void Every_scope_is_accepted(string name, LimitScope expected)
    {
        Assert.Equal(expected, ReadOne($$"""{ "counter": "c", "window": "minute", "max": 1, "scope": "{{name}}" }""").Scope);
    }

    [Theory]
    [InlineData("fixed", WindowAlgorithm.Fixed)]
    [InlineData("sliding", WindowAlgorithm.Sliding)]
    [InlineData("token_bucket", WindowAlgorithm.TokenBucket)]
    public void Every_algorithm_is_accepted(string name, WindowAlgorithm expected)
    {
        Assert.Equal(expected, ReadOne($$"""{ "counter": "c", "window": "minute", "max": 1, "algorithm": "{{name}}" }""").Algorithm);
    }

    [Fact]
    public void Missing_counter_and_max_are_faults_together()
    {
        var faults = Policies.Faults(Policies.WithLimit("""{ "window": "minute" }"""));

        Assert.Equal(["tools.t.limits[0].counter", "tools.t.limits[0].max"], faults.Select(fault => fault.Path));
        Assert.All(faults, fault => Assert.Equal("is required", fault.Message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("ünïcode")]
    public void Counter_outside_the_safe_alphabet_is_a_fault(string counter)
    {
        Policies.HasOnlyFault(
            Policies.WithLimit($$"""{ "counter": "{{counter}}", "window": "minute", "max": 1 }"""),
            "tools.t.limits[0].counter",
            "must be 1 to 128 letters, digits, '_', '.', ':' or '-'");
    }

    [Fact]
    public void Counter_longer_than_128_characters_is_a_fault()
    {
        Assert.Equal(new string('c', 128), ReadOne($$"""{ "counter": "{{new string('c', 128)}}", "window": "minute", "max": 1 }""").Counter);
        Policies.HasOnlyFault(
            Policies.WithLimit($$"""{ "counter": "{{new string('c', 129)}}", "window": "minute", "max": 1 }"""),
            "tools.t.limits[0].counter",
            "must be 1 to 128");
    }

    [Fact]
    public void Counter_must_be_a_string()
    {
        Policies.HasOnlyFault(Policies.WithLimit("""{ "counter": 5, "window": "minute", "max": 1 }"""), "tools.t.limits[0].counter", "must be a string, found number");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1000000000000.5")]
    [InlineData("1e13")]
    [InlineData("1e400")]
    public void Max_that_is_not_positive_or_above_a_trillion_is_a_fault(string max)
    {
        Policies.HasOnlyFault(
            Policies.WithLimit($$"""{ "counter": "c", "window": "minute", "max": {{max}} }"""),
            "tools.t.limits[0].max",
            "must be a positive number, at most 1000000000000");
    }

    [Fact]
    public void Max_accepts_decimals_and_a_trillion()
    {
        Assert.Equal(0.25m, ReadOne("""{ "counter": "c", "window": "minute", "max": 0.25 }""").Max);
        Assert.Equal(1_000_000_000_000m, ReadOne("""{ "counter": "c", "window": "minute", "max": 1e12 }""").Max);
    }

    [Fact]
    public void Max_as_a_string_names_the_expected_type()
    {
        Policies.HasOnlyFault(Policies.WithLimit("""{ "counter": "c", "window": "minute", "max": "10" }"""), "tools.t.limits[0].max", "must be a number, found string");
    }

    [Fact]
    public void Unknown_scope_and_algorithm_are_faults()
    {
        var faults = Policies.Faults(Policies.WithLimit("""{ "counter": "c", "window": "minute", "max": 1, "scope": "user", "algorithm": "leaky" }"""));

        Assert.Equal(2, faults.Count);
        Policies.HasFault(faults, "tools.t.limits[0].scope", "must be 'grant', 'session', 'global' or 'subject', found 'user'");
        Policies.HasFault(faults, "tools.t.limits[0].algorithm", "must be 'fixed', 'sliding' or 'token_bucket', found 'leaky'");
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("args.")]
    [InlineData("args.a.b")]
    [InlineData("arguments.amount")]
    public void Increment_from_must_name_one_argument(string source)
    {
        Policies.HasOnlyFault(
            Policies.WithLimit($$"""{ "counter": "c", "window": "minute", "max": 1, "increment_from": "{{source}}" }"""),
            "tools.t.limits[0].increment_from",
            $"must be 'args.<name>' naming one argument, found '{source}'");
    }

    [Fact]
    public void Unknown_key_in_a_limit_is_a_fault()
    {
        Policies.HasOnlyFault(Policies.WithLimit("""{ "counter": "c", "window": "minute", "max": 1, "maxx": 2 }"""), "tools.t.limits[0].maxx", "unknown key 'maxx'");
    }

    [Fact]
    public void Limit_must_be_an_object()
    {
        Policies.HasOnlyFault(Policies.WithLimit("\"c\""), "tools.t.limits[0]", "must be an object, found string");
    }

    [Fact]
    public void Fault_in_a_design_style_path_names_the_tool_and_index()
    {
        Policies.HasOnlyFault(
            """{ "version": "1", "tools": { "echo": { "limits": [ { "counter": "c", "window": "minute", "max": 0 } ] } } }""",
            "tools.echo.limits[0].max",
            "must be a positive number");
    }

    [Fact]
    public void Counter_charged_by_all_tools_cannot_be_charged_again_by_a_tool()
    {
        Policies.HasOnlyFault(
            """
            { "version": "1",
              "all_tools": { "limits": [ { "counter": "total", "window": "hour", "max": 5 } ] },
              "tools": { "t": { "limits": [ { "counter": "total", "window": "hour", "max": 5 } ] } } }
            """,
            "tools.t.limits[0].counter",
            "counter 'total' is already charged by all_tools.limits[0]; a call would spend it twice");
    }

    [Fact]
    public void Counter_listed_twice_in_one_limits_array_is_a_fault()
    {
        Policies.HasOnlyFault(
            Policies.WithTool("""{ "limits": [ { "counter": "c", "window": 60, "max": 1 }, { "counter": "c", "window": 60, "max": 1 } ] }"""),
            "tools.t.limits[1].counter",
            "already charged by tools.t.limits[0]");
    }
}
