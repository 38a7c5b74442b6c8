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
    private const string Usage =
        "usage: gatehouse policy explain --policy FILE --tool NAME [--args JSON] [--grant G] [--upstream U] [--annotations JSON] [--description TEXT]";

    private static readonly string[] Options = ["--policy", "--tool", "--args", "--grant", "--upstream", "--annotations", "--description"];

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (ReadOptions(args, error) is not { } options)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var file = options["--policy"];
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

        if (!TryReadCall(options, error, out var arguments, out var description))
        {
            return 2;
        }

        var tool = options["--tool"];
        var evaluation = PolicyEvaluator.Evaluate(parsed.Policy!, tool, arguments, description);
        Write(output, tool, evaluation, description, options);
        return evaluation.Kind is EvaluationKind.Admissible or EvaluationKind.NeedsApproval ? 0 : 1;
    }

    private static Dictionary<string, string>? ReadOptions(IReadOnlyList<string> args, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < args.Count; index += 2)
        {
            var name = args[index];
            if (!Options.Contains(name, StringComparer.Ordinal))
            {
                error.WriteLine($"gatehouse: policy explain: unknown option '{name}'");
                return null;
            }

            if (index + 1 >= args.Count)
            {
                error.WriteLine($"gatehouse: policy explain: {name} needs a value");
                return null;
            }

            if (!options.TryAdd(name, args[index + 1]))
            {
                error.WriteLine($"gatehouse: policy explain: {name} is given twice");
                return null;
            }
        }

        foreach (var required in new[] { "--policy", "--tool" }.Where(required => !options.ContainsKey(required)))
        {
            error.WriteLine($"gatehouse: policy explain: {required} is required");
            return null;
        }

        return options;
    }

    private static bool TryReadCall(Dictionary<string, string> options, TextWriter error, out JsonElement arguments, out ToolDescription? description)
    {
        arguments = default;
        description = null;
        try
        {
            if (options.TryGetValue("--args", out var json))
            {
                arguments = JsonElement.Parse(json);
                if (arguments.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    error.WriteLine("gatehouse: policy explain: --args must be a JSON object");
                    return false;
                }
            }

            var hints = options.TryGetValue("--annotations", out var annotations)
                ? ToolAnnotationsHints.FromJson(JsonElement.Parse(annotations))
                : null;
            var text = options.GetValueOrDefault("--description");
            description = hints is null && text is null ? null : new ToolDescription(options["--tool"], text, hints ?? ToolAnnotationsHints.None);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            error.WriteLine($"gatehouse: policy explain: {ex.Message}");
            return false;
        }
    }

    private static void Write(TextWriter output, string tool, Evaluation evaluation, ToolDescription? description, Dictionary<string, string> options)
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
            output.WriteLine($"{label} {Charge(evaluation.Charges[index], options)}");
        }

        if (evaluation.Charges.Count > 0)
        {
            output.WriteLine("note:     limits are priced, not checked: whether a counter has room depends on its live window.");
        }
    }

    private static string DecisionName(Evaluation evaluation) => evaluation.Kind switch
    {
        EvaluationKind.Admissible => "allow",
        EvaluationKind.NeedsApproval => "approve",
        EvaluationKind.Hidden => "hidden",
        _ => evaluation.Refusal!.Action.ToWire(),
    };

    private static string Message(string tool, Evaluation evaluation) => evaluation.Kind switch
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

    private static string Charge(LimitCharge charge, Dictionary<string, string> options)
    {
        var limit = charge.Limit;
        var upstream = options.GetValueOrDefault("--upstream") ?? "{upstream}";
        var (scope, key) = limit.Scope switch
        {
            LimitScope.Global => ("global", CounterKey.ForGlobal(upstream, limit.Counter)),
            LimitScope.Session => ("session-scoped", CounterKey.ForSession("{session}", upstream, limit.Counter)),
            _ => ("grant-scoped", CounterKey.ForGrant(options.GetValueOrDefault("--grant") ?? "{grant}", upstream, limit.Counter)),
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
