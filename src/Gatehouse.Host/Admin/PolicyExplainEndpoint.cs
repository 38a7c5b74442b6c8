using System.Text.Json;
using Gatehouse.Gateway.Catalog;
using Gatehouse.Gateway.Policies;
using Gatehouse.Host.Commands;
using Gatehouse.Policy;

namespace Gatehouse.Host.Admin;

/// <summary>
/// <c>POST /admin/policies/{upstream}/explain</c>: the decision a policy (the one in force, or a draft) gives a
/// hypothetical call, and the rule behind it, as <c>gatehouse policy explain</c> words it. The tool's risk comes from
/// the catalogue when the upstream has listed it. Limits are priced, not checked.
/// </summary>
internal static class PolicyExplainEndpoint
{
    public static IResult Explain(string upstream, PolicyExplainBody body, PolicyStore policies, ToolCatalog catalog)
    {
        if (!policies.TryInForce(upstream, out var inForce))
        {
            return AdminProblems.NotFound("not_found", "No such upstream", $"No upstream named '{upstream}'.");
        }

        if (string.IsNullOrWhiteSpace(body.Tool))
        {
            return AdminProblems.BadRequest("invalid_request", "Invalid request", "tool: name the tool called.");
        }

        if (body.Arguments is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            return AdminProblems.BadRequest("invalid_request", "Invalid request", "arguments: must be a JSON object.");
        }

        var document = inForce.Document;
        if (body.Policy is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } draft)
        {
            var parsed = PolicyParser.Parse(draft.GetRawText());
            if (!parsed.IsValid)
            {
                return AdminProblems.Of(StatusCodes.Status400BadRequest, "invalid_policy", "Invalid policy", "The draft policy is invalid.",
                    [new("faults", parsed.Faults.Select(fault => new { path = fault.Path, message = fault.Message }))]);
            }

            document = parsed.Policy!;
        }

        var arguments = body.Arguments is { ValueKind: JsonValueKind.Object } given ? given : default;
        var known = catalog.Find(upstream, body.Tool);
        var evaluation = PolicyEvaluator.Evaluate(document, body.Tool, arguments, known?.Description);
        return Results.Ok(new
        {
            upstream,
            tool = body.Tool,
            grant = body.Grant,
            decision = PolicyExplainCommand.DecisionName(evaluation),
            rule = evaluation.RulePointer,
            message = PolicyExplainCommand.Message(body.Tool, evaluation),
            risk = known is null ? null : new { effect = known.Risk.Effect.ToString().ToLowerInvariant(), risk = known.Risk.Risk.ToString().ToLowerInvariant(), why = known.Risk.Why },
            limits = evaluation.Charges.Select(charge => new { counter = charge.Limit.Counter, cost = charge.Cost, max = charge.Limit.Max, window = charge.Limit.Window.ToString(), rule = charge.RulePointer }),
        });
    }
}
