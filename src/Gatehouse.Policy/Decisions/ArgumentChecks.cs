using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>A tool's <c>require</c>, <c>deny_if</c> and <c>arguments</c> checks, in that order.</summary>
internal static class ArgumentChecks
{
    /// <summary>The refusal of the first check that fails, or null when all pass.</summary>
    public static Evaluation? Check(ToolRule rule, JsonElement arguments)
    {
        var missing = rule.Require.Where(name => !ArgumentLookup.IsGiven(arguments, name)).ToList();
        if (missing.Count > 0)
        {
            return Evaluation.Refused(Refusals.MissingArguments(rule.Name, missing), RulePointer.Tool(rule.Name, "require"));
        }

        for (var index = 0; index < rule.DenyIf.Count; index++)
        {
            var condition = rule.DenyIf[index];
            var outcome = condition.Check(arguments);
            if (outcome != ConditionOutcome.NoMatch)
            {
                return Evaluation.Refused(
                    Refusals.ConditionMatched(rule.Name, condition.Explain(outcome)),
                    RulePointer.Tool(rule.Name, "deny_if", index));
            }
        }

        var validation = rule.Arguments?.Validate(arguments);
        return validation is { IsValid: false }
            ? Evaluation.Refused(Refusals.SchemaFailed(rule.Name, validation.Errors), RulePointer.Tool(rule.Name, "arguments"))
            : null;
    }
}
