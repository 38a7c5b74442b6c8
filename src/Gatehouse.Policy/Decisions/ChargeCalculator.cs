using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Prices a call against its limits: <c>all_tools</c> first, then the tool's own.</summary>
internal static class ChargeCalculator
{
    /// <summary>The charges, or (in <paramref name="refusal"/>) why an <c>increment_from</c> argument cannot be spent.</summary>
    public static IReadOnlyList<LimitCharge> Price(
        PolicyDocument policy,
        string tool,
        ToolRule? rule,
        JsonElement arguments,
        out Evaluation? refusal)
    {
        var limits = policy.AllToolsLimits.Select((limit, index) => (limit, RulePointer.AllToolsLimit(index)));
        if (rule is not null)
        {
            limits = limits.Concat(rule.Limits.Select((limit, index) => (limit, RulePointer.Tool(tool, "limits", index))));
        }

        var charges = new List<LimitCharge>();
        foreach (var (limit, pointer) in limits)
        {
            if (!TryCost(limit, arguments, out var cost))
            {
                refusal = Evaluation.Refused(
                    Refusals.BadCostArgument(tool, limit.IncrementFrom!, limit.Counter),
                    $"{pointer}/increment_from");
                return [];
            }

            charges.Add(new LimitCharge(limit, cost, pointer));
        }

        refusal = null;
        return charges;
    }

    // A spend cap must not be dodged by omitting the amount or sending zero or less, so those are refused.
    private static bool TryCost(LimitRule limit, JsonElement arguments, out decimal cost)
    {
        cost = 1;
        if (limit.IncrementFrom is null)
        {
            return true;
        }

        return ArgumentLookup.TryGet(arguments, limit.IncrementFrom, out var value)
            && value.ValueKind == JsonValueKind.Number
            && value.TryGetDecimal(out cost)
            && cost > 0;
    }
}
