using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Reads the top level of a policy document.</summary>
internal static class DocumentReader
{
    private static readonly string[] Keys = ["version", "default", "risk_defaults", "all_tools", "tools"];
    private static readonly string[] AllToolsKeys = ["limits"];

    public static PolicyDocument? Read(JsonElement root, FaultCollector faults)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            faults.Add(FaultPath.Root, $"the policy must be a JSON object, found {JsonKinds.Describe(root)}");
            return null;
        }

        var document = JsonObjectReader.Open(root, "", faults, Keys)!;
        var version = ReadVersion(document);
        var defaultAction = document.ReadName("default", PolicyNames.Defaults) ?? DefaultAction.Deny;
        var riskDefaults = RiskDefaultsReader.Read(document);
        var counters = new CounterDefinitions(faults);
        var allToolsCharged = new Dictionary<string, string>(StringComparer.Ordinal);
        var allToolsLimits = ReadAllTools(document, counters, allToolsCharged);
        var tools = ReadTools(document, counters, allToolsCharged);
        if (faults.Count > 0 || version is null)
        {
            return null;
        }

        return new PolicyDocument
        {
            Version = version,
            Default = defaultAction,
            RiskDefaults = riskDefaults,
            AllToolsLimits = allToolsLimits,
            Tools = tools,
        };
    }

    private static string? ReadVersion(JsonObjectReader document)
    {
        if (!document.TryGet("version", out _))
        {
            document.Faults.Missing("version");
            return null;
        }

        var version = document.ReadString("version");
        if (version is not null && string.IsNullOrWhiteSpace(version))
        {
            document.Faults.Add("version", "must not be empty");
            return null;
        }

        return version;
    }

    private static IReadOnlyList<LimitRule> ReadAllTools(JsonObjectReader document, CounterDefinitions counters, Dictionary<string, string> charged)
    {
        if (!document.TryGet("all_tools", out var element))
        {
            return [];
        }

        var allTools = JsonObjectReader.Open(element, "all_tools", document.Faults, AllToolsKeys);
        return allTools is null ? [] : LimitRuleReader.ReadList(allTools, counters, charged);
    }

    private static Dictionary<string, ToolRule> ReadTools(JsonObjectReader document, CounterDefinitions counters, Dictionary<string, string> allToolsCharged)
    {
        var tools = new Dictionary<string, ToolRule>(StringComparer.Ordinal);
        if (!document.TryGet("tools", out var element))
        {
            return tools;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            document.Faults.WrongType("tools", "an object", element);
            return tools;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var path = FaultPath.Key("tools", property.Name);
            if (!seen.Add(property.Name))
            {
                document.Faults.Add(path, $"duplicate tool '{property.Name}'");
            }
            else if (property.Name.Length == 0)
            {
                document.Faults.Add(path, "a tool name must not be empty");
            }
            else if (ToolRuleReader.Read(property.Name, property.Value, path, counters, allToolsCharged, document.Faults) is { } rule)
            {
                tools.Add(property.Name, rule);
            }
        }

        return tools;
    }
}
