using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gatehouse.Policy;

/// <summary>Reads one <c>deny_if</c> entry: <c>arg</c>, exactly one operator, and an optional <c>reason</c>.</summary>
internal static class DenyConditionReader
{
    private static readonly string[] Operators = ["eq", "in", "lt", "gt", "regex", "exists"];
    private static readonly string[] Keys = ["arg", "reason", .. Operators];

    public static DenyCondition? Read(JsonElement element, string path, FaultCollector faults)
    {
        var entry = JsonObjectReader.Open(element, path, faults, Keys);
        if (entry is null)
        {
            return null;
        }

        var before = faults.Count;
        var arg = ReadArg(entry);
        var reason = entry.ReadString("reason");
        var given = Operators.Where(op => entry.TryGet(op, out _)).ToArray();
        if (given.Length != 1)
        {
            faults.Add(path, given.Length == 0
                ? "needs one of 'eq', 'in', 'lt', 'gt', 'regex' or 'exists'"
                : $"has {string.Join(" and ", given.Select(op => $"'{op}'"))}; exactly one operator is allowed");
            return null;
        }

        var condition = ReadOperator(entry, given[0], arg ?? "", reason);
        return faults.Count == before ? condition : null;
    }

    private static string? ReadArg(JsonObjectReader entry)
    {
        if (!entry.TryGet("arg", out _))
        {
            entry.Faults.Missing(entry.PathOf("arg"));
            return null;
        }

        var arg = entry.ReadString("arg");
        if (arg is { Length: 0 })
        {
            entry.Faults.Add(entry.PathOf("arg"), "must not be empty");
        }

        return arg;
    }

    private static DenyCondition? ReadOperator(JsonObjectReader entry, string op, string arg, string? reason)
    {
        entry.TryGet(op, out var operand);
        var kind = op switch
        {
            "eq" => ConditionKind.Eq,
            "in" => ConditionKind.In,
            "lt" => ConditionKind.Lt,
            "gt" => ConditionKind.Gt,
            "regex" => ConditionKind.Regex,
            _ => ConditionKind.Exists,
        };

        // eq compares with any JSON value; every other operator needs one kind of operand.
        var expected = kind switch
        {
            ConditionKind.In => "array",
            ConditionKind.Lt or ConditionKind.Gt => "number",
            ConditionKind.Regex => "string",
            ConditionKind.Exists => "boolean",
            _ => null,
        };

        if (expected is not null && JsonKinds.Describe(operand) != expected)
        {
            entry.Faults.WrongType(entry.PathOf(op), expected == "array" ? "an array" : $"a {expected}", operand);
            return null;
        }

        var pattern = kind == ConditionKind.Regex ? Compile(entry, operand.GetString()!) : null;
        return new DenyCondition(arg, kind, reason, operand.Clone(), pattern);
    }

    private static Regex? Compile(JsonObjectReader entry, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PolicyDefaults.RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            entry.Faults.Add(entry.PathOf("regex"), $"is not a valid regular expression: {ex.Message}");
            return null;
        }
    }
}
