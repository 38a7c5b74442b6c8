using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Storage.Audit;

namespace Gatehouse.Host.Admin;

/// <summary>One entry as <c>GET /admin/audit</c> shows it: times in UTC (<c>Z</c>), recorded arguments as JSON.</summary>
internal sealed record AuditEntryView(
    DateTime At,
    string GrantId,
    string Upstream,
    string Tool,
    string Action,
    string RulePointer,
    string PolicyVersion,
    IReadOnlyList<string> ArgumentNames,
    string ArgumentsSha256,
    JsonNode? Arguments,
    int? UpstreamStatus,
    double? UpstreamLatencyMs,
    string? TraceId,
    string? SessionId,
    string Replica,
    string? Subject,
    string? ClientId)
{
    public static AuditEntryView Of(AuditEntry entry) => new(
        entry.At.UtcDateTime,
        entry.GrantId,
        entry.Upstream,
        entry.Tool,
        entry.Action,
        entry.RulePointer,
        entry.PolicyVersion,
        entry.ArgumentNames,
        entry.ArgumentsSha256,
        ArgumentsOf(entry.ArgumentsJson),
        entry.UpstreamStatus,
        entry.UpstreamLatencyMs,
        entry.TraceId,
        entry.SessionId,
        entry.Replica,
        entry.Subject,
        entry.ClientId);

    private static JsonNode? ArgumentsOf(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
