using System.Text.Json.Nodes;
using Gatehouse.Policy;

namespace Gatehouse.Gateway.Approvals;

/// <summary>What one round of a 2026-07-28 approval leads to.</summary>
internal sealed record ApprovalStep(Decision? Refusal, JsonObject? Result)
{
    public static readonly ApprovalStep Proceed = new(null, null);

    public static ApprovalStep Refuse(Decision refusal) => new(refusal, null);

    public static ApprovalStep InputRequired(JsonObject result) => new(null, result);
}
