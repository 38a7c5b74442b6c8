using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Reads <c>approval: { "timeout": seconds, "by": "operator" | "user" }</c>.</summary>
internal static class ApprovalRuleReader
{
    private static readonly string[] Keys = ["timeout", "by"];

    public static ApprovalRule? Read(JsonElement element, string path, FaultCollector faults)
    {
        var approval = JsonObjectReader.Open(element, path, faults, Keys);
        if (approval is null)
        {
            return null;
        }

        var timeout = ReadTimeout(approval);
        var by = approval.ReadName("by", PolicyNames.Approvers) ?? ApprovalBy.Operator;
        return new ApprovalRule(timeout, by);
    }

    private static int ReadTimeout(JsonObjectReader approval)
    {
        if (!approval.TryGet("timeout", out var value))
        {
            return PolicyDefaults.ApprovalTimeoutSeconds;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            approval.Faults.WrongType(approval.PathOf("timeout"), "a number of seconds", value);
        }
        else if (!JsonNumberReader.TryReadWhole(value, PolicyDefaults.MaxApprovalTimeoutSeconds, out var seconds))
        {
            approval.Faults.Add(approval.PathOf("timeout"), string.Create(
                CultureInfo.InvariantCulture,
                $"must be a positive whole number of seconds, at most {PolicyDefaults.MaxApprovalTimeoutSeconds}"));
        }
        else
        {
            return seconds;
        }

        return PolicyDefaults.ApprovalTimeoutSeconds;
    }
}
