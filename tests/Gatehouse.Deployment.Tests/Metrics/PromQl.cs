using System.Text.RegularExpressions;

namespace Gatehouse.Deployment.Tests.Metrics;

/// <summary>
/// The metric and label names a PromQL expression uses, found without a full parser: string literals,
/// Grafana variables, ranges and label matchers are set aside, then every identifier that is not a
/// function call, an aggregation keyword or part of a number is a metric name. Label names come from
/// matchers (<c>{name=~"..."}</c>) and grouping clauses (<c>by (a, b)</c>).
/// </summary>
internal static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile",
        "limitk", "limit_ratio", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or",
        "unless", "offset", "atan2", "inf", "nan",
    };

    public static IReadOnlySet<string> MetricNames(string expression)
    {
        var text = Strings().Replace(expression, "\"\"");
        text = Matchers().Replace(text, " ");
        text = Ranges().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        text = Variables().Replace(text, " ");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Identifier().Matches(text))
        {
            var rest = text[(match.Index + match.Length)..].TrimStart();
            if (rest.StartsWith('(') || Keywords.Contains(match.Value))
            {
                continue;
            }

            names.Add(match.Value);
        }

        return names;
    }

    public static IReadOnlySet<string> LabelNames(string expression)
    {
        var text = Strings().Replace(expression, "\"\"");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match matcher in Matchers().Matches(text))
        {
            foreach (Match label in MatcherLabel().Matches(matcher.Value))
            {
                names.Add(label.Groups["name"].Value);
            }
        }

        foreach (Match grouping in Grouping().Matches(text))
        {
            foreach (var label in grouping.Groups["labels"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                names.Add(label);
            }
        }

        return names;
    }

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'|`[^`]*`")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\((?<labels>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\$\{[^}]*\}|\$\w+")]
    private static partial Regex Variables();

    [GeneratedRegex(@"(?<![\w.:$])[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)")]
    private static partial Regex MatcherLabel();
}
