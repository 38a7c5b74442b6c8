using Json.Schema;

namespace Gatehouse.Policy;

/// <summary>Turns schema evaluation results into lines that name where and what failed, never the value.</summary>
internal static class SchemaErrorText
{
    // The library's own messages for these keywords mention only schema values, types, lengths and counts.
    private static readonly HashSet<string> ValueFreeKeywords = new(StringComparer.Ordinal)
    {
        "required", "dependentRequired", "type", "const", "enum", "pattern", "maxLength", "minLength",
        "maxItems", "minItems", "maxProperties", "minProperties", "uniqueItems", "contains", "oneOf",
    };

    // Messages for the others would quote the argument's value, so they are replaced.
    private static readonly Dictionary<string, string> ValueFreeText = new(StringComparer.Ordinal)
    {
        [""] = "is not allowed by the schema",
        ["minimum"] = "is less than the schema's minimum",
        ["maximum"] = "is greater than the schema's maximum",
        ["exclusiveMinimum"] = "is not greater than the schema's exclusive minimum",
        ["exclusiveMaximum"] = "is not less than the schema's exclusive maximum",
        ["multipleOf"] = "is not a multiple of the schema's divisor",
        ["format"] = "does not have the schema's format",
    };

    public static IReadOnlyList<string> Collect(EvaluationResults results)
    {
        var lines = new List<string>();
        foreach (var node in results.Details is null ? [results] : results.Details.Prepend(results))
        {
            if (node.Errors is null)
            {
                continue;
            }

            var location = node.InstanceLocation.ToString();
            foreach (var (keyword, message) in node.Errors)
            {
                lines.Add($"{(location.Length == 0 ? "(root)" : location)}: {Describe(keyword, message)}");
            }
        }

        return lines.Count > 0 ? lines.Distinct(StringComparer.Ordinal).ToList() : ["(root): does not match the schema"];
    }

    private static string Describe(string keyword, string message)
    {
        if (ValueFreeKeywords.Contains(keyword))
        {
            return $"{keyword}: {message}";
        }

        var text = ValueFreeText.GetValueOrDefault(keyword, "fails this schema keyword");
        return keyword.Length == 0 ? text : $"{keyword}: {text}";
    }
}
