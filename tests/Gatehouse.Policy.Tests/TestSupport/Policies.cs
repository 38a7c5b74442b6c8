namespace Gatehouse.Policy.Tests;

/// <summary>Parses test policies and states what a test expects of the outcome.</summary>
internal static class Policies
{
    /// <summary>The policy from DESIGN.md, verbatim.</summary>
    public const string DesignExample = """
        {
          "version": "1",
          "default": "deny",
          "all_tools": { "limits": [ { "counter": "everything_total", "window": "hour", "max": 500, "scope": "grant" } ] },
          "tools": {
            "imageMasking": {
              "limits": [ { "counter": "imagemasking_rate", "window": "minute", "max": 10, "scope": "grant" } ]
            },
            "get-env":   { "action": "deny", "reason": "exposes server secrets" },
            "debugDump": { "action": "hide" },
            "deleteAll": { "action": "approve", "approval": { "timeout": 120 } },
            "echo":      { "arguments": { "type": "object", "properties": { "message": { "maxLength": 200 } } } },
            "transfer":  {
              "require": ["amount", "to"],
              "deny_if": [ { "arg": "to", "in": ["acct-000"], "reason": "frozen account" },
                           { "arg": "memo", "regex": "(?i)drop\\s+table" } ],
              "limits":  [ { "counter": "spend", "window": "day", "max": 5000, "scope": "grant",
                             "increment_from": "args.amount" } ]
            }
          }
        }
        """;

    public static PolicyDocument Valid(string json)
    {
        var result = PolicyParser.Parse(json);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Faults));
        return result.Policy!;
    }

    /// <summary>A document holding one tool, <c>t</c>, with the given rule.</summary>
    public static string WithTool(string toolJson) => $$"""{ "version": "1", "tools": { "t": {{toolJson}} } }""";

    /// <summary>A document holding one tool, <c>t</c>, with one limit.</summary>
    public static string WithLimit(string limitJson) => WithTool($$"""{ "limits": [ {{limitJson}} ] }""");

    public static IReadOnlyList<PolicyFault> Faults(string json)
    {
        var result = PolicyParser.Parse(json);
        Assert.False(result.IsValid);
        Assert.Null(result.Policy);
        Assert.NotEmpty(result.Faults);
        return result.Faults;
    }

    /// <summary>Asserts the document has exactly one fault, at <paramref name="path"/>, whose message contains
    /// <paramref name="message"/>.</summary>
    public static void HasOnlyFault(string json, string path, string message)
    {
        var faults = Faults(json);
        var fault = Assert.Single(faults);
        Assert.Equal(path, fault.Path);
        Assert.Contains(message, fault.Message, StringComparison.Ordinal);
    }

    /// <summary>Asserts one of the faults is at <paramref name="path"/> with a message containing <paramref name="message"/>.</summary>
    public static void HasFault(IReadOnlyList<PolicyFault> faults, string path, string message) =>
        Assert.True(
            faults.Any(fault => fault.Path == path && fault.Message.Contains(message, StringComparison.Ordinal)),
            $"no fault '{path}: …{message}…' among:{Environment.NewLine}{string.Join(Environment.NewLine, faults)}");
}
