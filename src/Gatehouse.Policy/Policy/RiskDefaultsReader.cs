using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Reads <c>risk_defaults</c>: <c>{ "low" | "medium" | "high": action | { "action", "reason", "approval" } }</c>.</summary>
internal static class RiskDefaultsReader
{
    private static readonly string[] EntryKeys = ["action", "reason", "approval"];

    public static IReadOnlyDictionary<RiskLevel, RiskDefault> Read(JsonObjectReader document)
    {
        var defaults = new Dictionary<RiskLevel, RiskDefault>();
        if (!document.TryGet("risk_defaults", out var element))
        {
            return defaults;
        }

        var path = document.PathOf("risk_defaults");
        if (element.ValueKind != JsonValueKind.Object)
        {
            document.Faults.WrongType(path, "an object", element);
            return defaults;
        }

        foreach (var property in element.EnumerateObject())
        {
            var entryPath = FaultPath.Key(path, property.Name);
            if (!PolicyNames.RiskLevels.TryParse(property.Name, out var risk))
            {
                document.Faults.Add(entryPath, $"unknown risk level '{property.Name}' (must be {PolicyNames.RiskLevels.Choices})");
            }
            else if (defaults.ContainsKey(risk))
            {
                document.Faults.Add(entryPath, $"duplicate key '{property.Name}'");
            }
            else if (ReadEntry(risk, property.Value, entryPath, document.Faults) is { } entry)
            {
                defaults.Add(risk, entry);
            }
        }

        return defaults;
    }

    private static RiskDefault? ReadEntry(RiskLevel risk, JsonElement value, string path, FaultCollector faults)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return ReadAction(value.GetString()!, path, faults) is { } action
                ? new RiskDefault(risk, action, null, action == ToolAction.Approve ? ApprovalRule.Default : null)
                : null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            faults.WrongType(path, $"an action ({PolicyNames.Actions.Choices}) or an object", value);
            return null;
        }

        return ReadObject(risk, JsonObjectReader.Open(value, path, faults, EntryKeys)!);
    }

    private static RiskDefault? ReadObject(RiskLevel risk, JsonObjectReader entry)
    {
        var before = entry.Faults.Count;
        if (!entry.TryGet("action", out _))
        {
            entry.Faults.Missing(entry.PathOf("action"));
        }

        var action = entry.ReadName("action", PolicyNames.Actions);
        var reason = entry.ReadString("reason");
        ApprovalRule? approval = action == ToolAction.Approve ? ApprovalRule.Default : null;
        if (entry.TryGet("approval", out var element))
        {
            approval = ApprovalRuleReader.Read(element, entry.PathOf("approval"), entry.Faults);
            if (action is { } known && known != ToolAction.Approve)
            {
                entry.Faults.Add(entry.PathOf("approval"), "is only allowed with action 'approve'");
            }
        }

        return entry.Faults.Count == before && action is { } admitted ? new RiskDefault(risk, admitted, reason, approval) : null;
    }

    private static ToolAction? ReadAction(string name, string path, FaultCollector faults)
    {
        if (PolicyNames.Actions.TryParse(name, out var action))
        {
            return action;
        }

        faults.Add(path, $"must be {PolicyNames.Actions.Choices}, found '{name}'");
        return null;
    }
}
