using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Reads one entry of <c>tools</c>.</summary>
internal static class ToolRuleReader
{
    private static readonly string[] Keys = ["action", "reason", "approval", "require", "deny_if", "arguments", "limits", "audit_arguments"];

    /// <summary>Reads the rule for <paramref name="name"/>; <paramref name="allToolsCharged"/> names the counters
    /// every call already spends, so the tool cannot charge them a second time.</summary>
    public static ToolRule? Read(
        string name,
        JsonElement element,
        string path,
        CounterDefinitions counters,
        IReadOnlyDictionary<string, string> allToolsCharged,
        FaultCollector faults)
    {
        var tool = JsonObjectReader.Open(element, path, faults, Keys);
        if (tool is null)
        {
            return null;
        }

        var before = faults.Count;
        var action = tool.ReadName("action", PolicyNames.Actions);
        var actionKnown = action is not null || !tool.TryGet("action", out _);
        var reason = tool.ReadString("reason");
        var approval = ReadApproval(tool, action ?? ToolAction.Allow, actionKnown);
        var require = ReadRequire(tool);
        var denyIf = ReadDenyIf(tool);
        var arguments = ArgumentSchemaReader.Read(tool);
        var limits = LimitRuleReader.ReadList(tool, counters, new Dictionary<string, string>(allToolsCharged, StringComparer.Ordinal));
        var auditArguments = tool.ReadBoolean("audit_arguments");
        return faults.Count == before
            ? new ToolRule(name, action ?? ToolAction.Allow, reason, approval, require, denyIf, arguments, limits) { AuditArguments = auditArguments }
            : null;
    }

    private static ApprovalRule? ReadApproval(JsonObjectReader tool, ToolAction action, bool actionKnown)
    {
        if (!tool.TryGet("approval", out var element))
        {
            return action == ToolAction.Approve ? ApprovalRule.Default : null;
        }

        var approval = ApprovalRuleReader.Read(element, tool.PathOf("approval"), tool.Faults);
        if (actionKnown && action != ToolAction.Approve)
        {
            // Said about a tool that is not held, a timeout would be silently meaningless.
            tool.Faults.Add(tool.PathOf("approval"), "is only allowed with action 'approve'");
            return null;
        }

        return approval;
    }

    private static IReadOnlyList<string> ReadRequire(JsonObjectReader tool)
    {
        var names = new List<string>();
        foreach (var (item, path) in ReadArray(tool, "require"))
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } name)
            {
                tool.Faults.WrongType(path, "a non-empty string", item);
                continue;
            }

            names.Add(name);
        }

        return names;
    }

    private static IReadOnlyList<DenyCondition> ReadDenyIf(JsonObjectReader tool)
    {
        var conditions = new List<DenyCondition>();
        foreach (var (item, path) in ReadArray(tool, "deny_if"))
        {
            if (DenyConditionReader.Read(item, path, tool.Faults) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return conditions;
    }

    private static IEnumerable<(JsonElement Item, string Path)> ReadArray(JsonObjectReader tool, string key)
    {
        if (!tool.TryGet(key, out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            tool.Faults.WrongType(tool.PathOf(key), "an array", array);
            return [];
        }

        return array.EnumerateArray().Select((item, index) => (item, FaultPath.Index(tool.PathOf(key), index))).ToList();
    }
}
