namespace Gatehouse.Policy.Tests;

public sealed class CounterDefinitionsTests
{
    private static string TwoTools(string first, string second) => $$"""
        { "version": "1", "tools": {
            "a": { "limits": [ {{first}} ] },
            "b": { "limits": [ {{second}} ] } } }
        """;

    [Fact]
    public void Tools_naming_one_counter_with_one_definition_share_it()
    {
        var policy = Policies.Valid(TwoTools(
            """{ "counter": "shared", "window": "minute", "max": 10 }""",
            """{ "counter": "shared", "window": 60, "max": 10.0, "scope": "grant", "algorithm": "fixed", "increment_from": "args.n" }"""));

        Assert.Equal(new LimitRule("shared", new WindowSpec(60), 10m, LimitScope.Grant, WindowAlgorithm.Fixed, null), Assert.Single(policy.Counters).Value);
    }

    [Fact]
    public void Counter_defined_differently_is_a_fault_at_the_later_occurrence_naming_the_first()
    {
        Policies.HasOnlyFault(
            TwoTools("""{ "counter": "x", "window": "minute", "max": 10 }""", """{ "counter": "x", "window": "hour", "max": 20 }"""),
            "tools.b.limits[0]",
            "counter 'x' is defined differently at tools.a.limits[0] (window, max differ)");
    }

    [Fact]
    public void Scope_and_algorithm_must_agree_too()
    {
        Policies.HasOnlyFault(
            TwoTools(
                """{ "counter": "x", "window": "minute", "max": 10 }""",
                """{ "counter": "x", "window": "minute", "max": 10, "scope": "global", "algorithm": "sliding" }"""),
            "tools.b.limits[0]",
            "(scope, algorithm differ)");
    }

    [Fact]
    public void Conflict_with_all_tools_names_the_all_tools_path()
    {
        var faults = Policies.Faults("""
            { "version": "1",
              "all_tools": { "limits": [ { "counter": "x", "window": "minute", "max": 10 } ] },
              "tools": { "u": { "limits": [ { "counter": "x", "window": "hour", "max": 10 } ] } } }
            """);

        Policies.HasFault(faults, "tools.u.limits[0]", "counter 'x' is defined differently at all_tools.limits[0] (window differ)");
        Policies.HasFault(faults, "tools.u.limits[0].counter", "already charged by all_tools.limits[0]");
        Assert.Equal(2, faults.Count);
    }

    [Fact]
    public void Conflict_between_a_denied_tool_and_another_tool_is_still_a_fault()
    {
        Policies.HasOnlyFault(
            """
            { "version": "1", "tools": {
                "t": { "action": "deny", "limits": [ { "counter": "y", "window": "minute", "max": 1 } ] },
                "u": { "limits": [ { "counter": "y", "window": "minute", "max": 2 } ] } } }
            """,
            "tools.u.limits[0]",
            "counter 'y' is defined differently at tools.t.limits[0] (max differ)");
    }

    [Fact]
    public void Every_later_conflicting_occurrence_is_reported()
    {
        var faults = Policies.Faults("""
            { "version": "1",
              "all_tools": { "limits": [ { "counter": "x", "window": "minute", "max": 10 } ] },
              "tools": { "a": { "limits": [ { "counter": "z", "window": "minute", "max": 1 } ] },
                         "b": { "limits": [ { "counter": "z", "window": "day", "max": 1 } ] },
                         "c": { "limits": [ { "counter": "z", "window": "second", "max": 1 } ] } } }
            """);

        Assert.Equal(["tools.b.limits[0]", "tools.c.limits[0]"], faults.Select(fault => fault.Path));
        Assert.All(faults, fault => Assert.Contains("counter 'z' is defined differently at tools.a.limits[0]", fault.Message, StringComparison.Ordinal));
    }
}
