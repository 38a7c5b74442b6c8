using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gatehouse.Policy;

/// <summary>One entry of <c>deny_if</c>: <c>{ "arg": name, one of eq|in|lt|gt|regex|exists, "reason"?: text }</c>.
/// An absent argument matches nothing except <c>exists: false</c>.</summary>
public sealed class DenyCondition
{
    private readonly JsonElement _operand;
    private readonly Regex? _pattern;

    internal DenyCondition(string arg, ConditionKind kind, string? reason, JsonElement operand, Regex? pattern)
    {
        Arg = arg;
        Kind = kind;
        Reason = reason;
        _operand = operand;
        _pattern = pattern;
    }

    /// <summary>The argument the condition looks at.</summary>
    public string Arg { get; }

    /// <summary>The operator.</summary>
    public ConditionKind Kind { get; }

    /// <summary>Told to the agent when the condition refuses a call; null to use a generated reason.</summary>
    public string? Reason { get; }

    /// <summary>True when the condition refuses a call with these arguments (the call's arguments object, or
    /// <see cref="JsonValueKind.Undefined"/>/<see cref="JsonValueKind.Null"/> for none). A regex that times out
    /// counts as a match.</summary>
    public bool Matches(JsonElement arguments) => Check(arguments) != ConditionOutcome.NoMatch;

    internal ConditionOutcome Check(JsonElement arguments)
    {
        if (Kind == ConditionKind.Exists)
        {
            return ArgumentLookup.IsGiven(arguments, Arg) == _operand.GetBoolean() ? ConditionOutcome.Match : ConditionOutcome.NoMatch;
        }

        if (!ArgumentLookup.TryGet(arguments, Arg, out var value))
        {
            return ConditionOutcome.NoMatch;
        }

        return Kind == ConditionKind.Regex ? CheckPattern(value) : Outcome(Compare(value));
    }

    /// <summary>The reason told to the agent. Generated reasons name the argument, never its value.</summary>
    internal string Explain(ConditionOutcome outcome) => outcome == ConditionOutcome.TimedOut
        ? "argument check timed out"
        : Reason ?? Kind switch
        {
            ConditionKind.Eq => $"argument '{Arg}' has a denied value",
            ConditionKind.In => $"argument '{Arg}' is in a denied list",
            ConditionKind.Lt => string.Create(CultureInfo.InvariantCulture, $"argument '{Arg}' is less than {_operand.GetRawText()}"),
            ConditionKind.Gt => string.Create(CultureInfo.InvariantCulture, $"argument '{Arg}' is greater than {_operand.GetRawText()}"),
            ConditionKind.Regex => $"argument '{Arg}' matches a denied pattern",
            _ => _operand.GetBoolean() ? $"argument '{Arg}' must not be given" : $"argument '{Arg}' must be given",
        };

    private static ConditionOutcome Outcome(bool matched) => matched ? ConditionOutcome.Match : ConditionOutcome.NoMatch;

    private bool Compare(JsonElement value) => Kind switch
    {
        ConditionKind.Eq => JsonElement.DeepEquals(value, _operand),
        ConditionKind.In => _operand.EnumerateArray().Any(candidate => JsonElement.DeepEquals(value, candidate)),
        ConditionKind.Lt => value.ValueKind == JsonValueKind.Number && JsonNumbers.Compare(value, _operand) < 0,
        ConditionKind.Gt => value.ValueKind == JsonValueKind.Number && JsonNumbers.Compare(value, _operand) > 0,
        _ => false,
    };

    private ConditionOutcome CheckPattern(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return ConditionOutcome.NoMatch;
        }

        try
        {
            return Outcome(_pattern!.IsMatch(value.GetString()!));
        }
        catch (RegexMatchTimeoutException)
        {
            return ConditionOutcome.TimedOut;
        }
    }
}
