using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Gatehouse.Grains.Limits;
using Gatehouse.Policy;

namespace Gatehouse.Host.Commands;

/// <summary>
/// <c>gatehouse policy explain --policy FILE --tool NAME [--args JSON] [--grant G] [--upstream U] [--annotations JSON]
/// [--description TEXT]</c>: the decision a policy gives one call and the rule that made it, with no cluster. Limits are
/// priced, not checked: whether a counter has room depends on its live window. Exit code 0 when the call would be
/// forwarded (possibly after approval), 1 when it is refused or hidden, 2 for bad arguments or an invalid policy.
/// </summary>
internal static class PolicyExplainCommand
{
    /// <summary>The <c>explain</c> subcommand of <c>policy</c>.</summary>
    public static Command Create()
    {
        var policy = SingleValueOption.Create("--policy", "FILE", "The policy document (required).");
        var tool = SingleValueOption.Create("--tool", "NAME", "The tool called (required).");
        var arguments = SingleValueOption.Create("--args", "JSON", "The call's arguments, a JSON object.");
        var grant = SingleValueOption.Create("--grant", "G", "The calling grant, to fill in counter keys.");
        var upstream = SingleValueOption.Create("--upstream", "U", "The upstream, to fill in counter keys.");
        var annotations = SingleValueOption.Create("--annotations", "JSON", "The tool's MCP annotations, to classify it for risk_defaults.");
        var description = SingleValueOption.Create("--description", "TEXT", "The tool's description, to classify it for risk_defaults.");
        var command = new Command(
            "explain",
            "The decision a policy gives one call and the rule behind it, offline (no cluster; limits are priced, not checked). "
            + "Exit code 0 if allowed or held for approval, 1 if refused or hidden, 2 for bad input or an invalid policy.")
        {
            policy, tool, arguments, grant, upstream, annotations, description,
        };

        // Required by a validator, not by the parser, so the message reads as it always has.
        command.Validators.Add(result =>
        {
            foreach (var required in new[] { policy, tool }.Where(option => result.GetResult(option) is null))
            {
                result.AddError($"{required.Name} is required");
            }
        });
        command.SetAction(result => Run(
            new PolicyExplainRequest(
                result.GetRequiredValue(policy), result.GetRequiredValue(tool), result.GetValue(arguments), result.GetValue(grant),
                result.GetValue(upstream), result.GetValue(annotations), result.GetValue(description)),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(PolicyExplainRequest request, TextWriter output, TextWriter error)
    {
        var file = request.PolicyFile;
        if (!File.Exists(file))
        {
            error.WriteLine($"{file}: file not found");
            return 2;
        }

        var parsed = PolicyParser.Parse(File.ReadAllBytes(file));
        if (!parsed.IsValid)
        {
            foreach (var fault in parsed.Faults)
            {
                error.WriteLine($"{file}: {fault}");
            }

            return 2;
        }

        if (!TryReadCall(request, error, out var arguments, out var description))
        {
            return 2;
        }

        var evaluation = PolicyEvaluator.Evaluate(parsed.Policy!, request.Tool, arguments, description);
        Write(output, request.Tool, evaluation, description, request);
        return evaluation.Kind is EvaluationKind.Admissible or EvaluationKind.NeedsApproval ? 0 : 1;
    }

    private static bool TryReadCall(PolicyExplainRequest request, TextWriter error, out JsonElement arguments, out ToolDescription? description)
    {
        arguments = default;
        description = null;
        try
        {
            if (request.Arguments is { } json)
            {
                arguments = JsonElement.Parse(json);
                if (arguments.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    error.WriteLine("gatehouse: policy explain: --args must be a JSON object");
                    return false;
                }
            }

            var hints = request.Annotations is { } annotations
                ? ToolAnnotationsHints.FromJson(JsonElement.Parse(annotations))
                : null;
            var text = request.Description;
            description = hints is null && text is null ? null : new ToolDescription(request.Tool, text, hints ?? ToolAnnotationsHints.None);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            error.WriteLine($"gatehouse: policy explain: {ex.Message}");
            return false;
        }
    }

    private static void Write(TextWriter output, string tool, Evaluation evaluation, ToolDescription? description, PolicyExplainRequest request)
    {
        output.WriteLine($"decision: {DecisionName(evaluation)}");
        output.WriteLine($"rule:     {evaluation.RulePointer}");
        output.WriteLine($"message:  {Message(tool, evaluation)}");
        output.WriteLine(description is null
            ? "risk:     not classified (give --annotations or --description to classify the tool and apply risk_defaults)"
            : Risk(ToolRisk.Classify(description)));
        for (var index = 0; index < evaluation.Charges.Count; index++)
        {
            var label = index == 0 ? "limits:  " : "         ";
            output.WriteLine($"{label} {Charge(evaluation.Charges[index], request)}");
        }

        if (evaluation.Charges.Count > 0)
        {
            output.WriteLine("note:     limits are priced, not checked: whether a counter has room depends on its live window.");
        }
    }

    internal static string DecisionName(Evaluation evaluation) => evaluation.Kind switch
    {
        EvaluationKind.Admissible => "allow",
        EvaluationKind.NeedsApproval => "approve",
        EvaluationKind.Hidden => "hidden",
        _ => evaluation.Refusal!.Action.ToWire(),
    };

    internal static string Message(string tool, Evaluation evaluation) => evaluation.Kind switch
    {
        EvaluationKind.Refused => evaluation.Refusal!.Message,
        EvaluationKind.Hidden => $"Tool '{tool}' is hidden: left out of tools/list, and a call is refused as an unknown tool.",
        EvaluationKind.NeedsApproval => string.Create(
            CultureInfo.InvariantCulture,
            $"Held until {(evaluation.Approval!.By == ApprovalBy.User ? "the user" : "an operator")} approves it; refused as approval_timeout after {evaluation.Approval.TimeoutSeconds} s."),
        _ when evaluation.RulePointer == "/default" => $"Tool '{tool}' is not listed; the default allows it.",
        _ when evaluation.RulePointer.StartsWith("/risk_defaults/", StringComparison.Ordinal) =>
            $"Tool '{tool}' is not listed; risk_defaults.{evaluation.RulePointer["/risk_defaults/".Length..]} allows it.",
        _ => $"Tool '{tool}' is allowed by its rule.",
    };

    private static string Risk(RiskAssessment assessment) =>
        $"risk:     {assessment.Effect.ToString().ToLowerInvariant()}, {assessment.Risk.ToString().ToLowerInvariant()} ({assessment.Why})";

    private static string Charge(LimitCharge charge, PolicyExplainRequest request)
    {
        var limit = charge.Limit;
        var upstream = request.Upstream ?? "{upstream}";
        var (scope, key) = limit.Scope switch
        {
            LimitScope.Global => ("global", CounterKey.ForGlobal(upstream, limit.Counter)),
            LimitScope.Session => ("session-scoped", CounterKey.ForSession("{session}", upstream, limit.Counter)),
            // The placeholder shown as written (a real subject is URI-escaped in the key).
            LimitScope.Subject => ("subject-scoped", CounterKey.ForSubject(request.Grant ?? "{grant}", "SUBJECT", upstream, limit.Counter).Replace(":SUBJECT/", ":{subject}/", StringComparison.Ordinal)),
            _ => ("grant-scoped", CounterKey.ForGrant(request.Grant ?? "{grant}", upstream, limit.Counter)),
        };
        var algorithm = limit.Algorithm switch
        {
            WindowAlgorithm.Sliding => "sliding",
            WindowAlgorithm.TokenBucket => "token_bucket",
            _ => "fixed",
        };
        return $"would spend {Number(charge.Cost)} on counter {limit.Counter} ({scope}; {Number(limit.Max)} per {limit.Window}, {algorithm}; key {key}) [{charge.RulePointer}]";
    }

    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
