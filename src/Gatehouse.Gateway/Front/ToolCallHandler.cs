using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Audit;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Catalog;
using Gatehouse.Gateway.Continuations;
using Gatehouse.Gateway.Front.Tasks;
using Gatehouse.Gateway.Limits;
using Gatehouse.Gateway.Policies;
using Gatehouse.Policy;
using Gatehouse.Storage.Audit;
using Gatehouse.Telemetry;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front;

/// <summary>
/// <c>tools/call</c>: decide by policy, reserve budget, forward, and give the budget back if the
/// upstream never ran the call. A refused call never reaches the upstream.
/// </summary>
internal sealed partial class ToolCallHandler(PolicyStore policies, ToolCatalog catalog, CounterGate counters, ApprovalGate approvals, InputRequiredApproval sessionlessApprovals, CallBridge bridge, TaskRequests tasks, TaskQuestions taskQuestions, AuditRecorder audit, GatehouseMetrics metrics, ILogger<ToolCallHandler> logger)
{
    /// <summary>How long an agent refused with <c>unavailable</c> is told to wait before trying again.</summary>
    private const int UnavailableRetrySeconds = 2;

    /// <summary>A call of one of <paramref name="front"/>'s tools, by its upstream name, as the agent sent it (params as they go upstream).</summary>
    public async ValueTask<JsonNode> HandleAsync(UpstreamFront front, string tool, JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        using var call = new CallTelemetry(metrics, front.Upstream, tool, user.GrantId(), server.SessionId);
        var policy = policies.InForce(front.Upstream);
        var arguments = ArgumentsOf(request.Params);
        var subject = user.Subject();
        var caller = new AuditCaller(call.GrantId, call.SessionId, subject, user.ClientId());
        using var audited = audit.Begin(front.Upstream, tool, caller, arguments, policy.Document.FindTool(tool)?.AuditArguments == true);
        var decision = new CallDecision(call, audited, policy, front.Upstream, tool, subject);
        return await DecideAndForwardAsync(front, request, arguments, server, decision, cancellationToken);
    }

    private async ValueTask<JsonNode> DecideAndForwardAsync(UpstreamFront front, JsonRpcRequest request, JsonElement arguments, McpServer server, CallDecision decision, CancellationToken cancellationToken)
    {
        var tool = decision.Tool;
        if (server.SessionId is null && bridge.Continues(request))
        {
            return await ContinueBridgedAsync(front, request, server, decision, cancellationToken);
        }

        Evaluation evaluation;
        var known = await catalog.LookupAsync(front.Upstream, tool, cancellationToken);
        if (known is not null || decision.Policy.Document.FindTool(tool) is not null)
        {
            decision.Call.Known();
        }

        using (GatehouseTelemetry.Source.StartActivity("gatehouse policy"))
        {
            evaluation = PolicyEvaluator.Evaluate(decision.Policy.Document, tool, arguments, known?.Description);
        }

        if (evaluation.Kind == EvaluationKind.Hidden)
        {
            decision.Call.Decided(CallTelemetry.HiddenAction, tool);
            decision.Audit.Decided(AuditActions.Hidden, evaluation.RulePointer, decision.Policy.Version);
            throw new McpProtocolException($"Unknown tool: '{tool}'", McpErrorCode.InvalidParams);
        }

        if (known is { Changed: true })
        {
            // No rule of the policy decides this: the pin does.
            return Refuse(decision, ToolChanged(front.Upstream, tool), string.Empty);
        }

        switch (evaluation.Kind)
        {
            case EvaluationKind.Refused:
                return Refuse(decision, evaluation.Refusal!, evaluation.RulePointer);
            case EvaluationKind.NeedsApproval:
                using (GatehouseTelemetry.Source.StartActivity("gatehouse approval"))
                {
                    var held = ApprovalGate.Describe(decision.Call.GrantId, front.Upstream, tool, arguments)
                        with { Rule = evaluation.RulePointer, Risk = known?.Risk.Risk.ToString().ToLowerInvariant() };
                    if (server.SessionId is null)
                    {
                        // A 2026-07-28 agent: no session to hold the request on; it calls again until the approval is decided.
                        var step = await sessionlessApprovals.StepAsync(held, evaluation.Approval!, request, cancellationToken);
                        if (step.Refusal is { } refused)
                        {
                            return Refuse(decision, refused, evaluation.RulePointer);
                        }

                        if (step.Result is { } inputRequired)
                        {
                            decision.Call.Decided(AuditActions.ApprovalPending, tool);
                            decision.Audit.Decided(AuditActions.ApprovalPending, evaluation.RulePointer, decision.Policy.Version);
                            return inputRequired;
                        }
                    }
                    else if (await approvals.AwaitAsync(held, evaluation.Approval!, server, request, cancellationToken) is { } refusal)
                    {
                        return Refuse(decision, refusal, evaluation.RulePointer);
                    }
                }

                break;
        }

        if (server.SessionId is null && evaluation.Kind != EvaluationKind.NeedsApproval && (request.Params as JsonObject)?["requestState"] is not null)
        {
            // Only a state of Gatehouse's own comes back to it, and this is none it could read.
            throw CallBridge.Refused();
        }

        GateOutcome gate;
        try
        {
            gate = await ReserveAsync(front.Upstream, tool, new CallScope(front.Upstream, decision.Call.GrantId, decision.Call.SessionId, decision.Subject), evaluation.Charges);
        }
        catch (CounterUnavailableException ex)
        {
            decision.Call.Failed("counters_unavailable", ex.Message);
            return Refuse(decision, Unavailable(tool, evaluation.Charges), evaluation.RulePointer);
        }

        if (!gate.Admitted)
        {
            var limit = evaluation.Charges.FirstOrDefault(charge => charge.Limit.Counter == gate.Refusal!.Rule);
            return Refuse(decision, gate.Refusal!, limit?.RulePointer ?? evaluation.RulePointer);
        }

        decision.Call.Decided(DecisionAction.Allow.ToWire(), tool);
        decision.Audit.Decided(AuditActions.Allow, evaluation.RulePointer, decision.Policy.Version);
        var sent = Stopwatch.GetTimestamp();
        JsonNode result;

        // A 2026-07-28 agent that takes tasks gets one for a tool that runs as a task; that call is not bridged (its
        // upstream session would end with the first answer, and the task with it).
        var asTask = server.SessionId is null && TaskExtension.Declares(request, server) && await catalog.RunsAsTaskAsync(front.Upstream, tool, cancellationToken);
        request = asTask ? TaskExtension.AsTask(request) : request;

        // Such a task, when the agent can answer questions, is created on a session of its own, so its questions reach it.
        await using var taskSession = asTask && taskQuestions.Asks(front.Upstream, request) ? taskQuestions.Open(front.Upstream, request) : null;
        try
        {
            // The scope a call's rounds are bound to: a sessionless agent's may be bridged or relayed, a session's relayed
            // at an upstream that has no sessions (elsewhere a session's call needs none).
            var bridging = !asTask && (server.SessionId is null || bridge.RelaysForSessions(front.Upstream))
                ? BridgedCallScope.OfTool(decision.Call.GrantId, front.Upstream, tool)
                : null;
            result = await front.SendAsync(request, server, ProgressRelay(request, server, cancellationToken), cancellationToken, bridging, taskSession?.Connection) ?? new JsonObject();
        }
        catch (UpstreamException ex)
        {
            decision.Audit.Forwarded(AuditUpstreamStatus.Of(ex), Stopwatch.GetElapsedTime(sent));
            decision.Call.Failed(ex.Kind.ToString().ToLowerInvariant(), ex.Message);
            if (ex.NeverRan)
            {
                await counters.ReleaseAsync(gate.Held);
            }

            throw UpstreamErrors.ToProtocolException(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Every failure of the upstream itself arrives as an UpstreamException: this one happened in the
            // gateway before the call was sent (its upstream session could not be found or opened), so the
            // upstream never ran it and its budget goes back.
            decision.Call.Failed("gateway", ex.Message);
            await counters.ReleaseAsync(gate.Held);
            throw;
        }

        decision.Audit.Forwarded(StatusOf(result), Stopwatch.GetElapsedTime(sent));

        // The upstream ran the call: its task, if it made one, is recorded for the caller (its budget stays spent either way).
        await tasks.RecordAsync(front.Upstream, tool, request, result, decision.Call.GrantId, decision.Subject, server.SessionId is null ? taskSession?.Connection ?? front.Channel : null);
        if (taskSession is not null)
        {
            await taskSession.FollowAsync(result);
        }

        return asTask && result["task"] is JsonObject ? TaskExtension.Created(result) : result;
    }

    /// <summary>
    /// A later round of a 2026-07-28 agent's bridged call (see <see cref="CallBridge"/>): not decided again, since the
    /// call is running upstream and its budget was spent when it started; the agent's answers go to it.
    /// </summary>
    private async ValueTask<JsonNode> ContinueBridgedAsync(UpstreamFront front, JsonRpcRequest request, McpServer server, CallDecision decision, CancellationToken cancellationToken)
    {
        decision.Call.Decided(AuditActions.Continued, decision.Tool);
        decision.Audit.Decided(AuditActions.Continued, string.Empty, decision.Policy.Version);
        var sent = Stopwatch.GetTimestamp();
        JsonNode result;
        try
        {
            result = await bridge.ContinueAsync(BridgedCallScope.OfTool(decision.Call.GrantId, front.Upstream, decision.Tool), request, server, cancellationToken) ?? new JsonObject();
        }
        catch (UpstreamException ex)
        {
            decision.Audit.Forwarded(AuditUpstreamStatus.Of(ex), Stopwatch.GetElapsedTime(sent));
            decision.Call.Failed(ex.Kind.ToString().ToLowerInvariant(), ex.Message);
            throw UpstreamErrors.ToProtocolException(ex);
        }

        decision.Audit.Forwarded(StatusOf(result), Stopwatch.GetElapsedTime(sent));
        return result;
    }

    private static int StatusOf(JsonNode result) =>
        result["resultType"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind == "input_required"
            ? AuditUpstreamStatus.InputRequired
            : AuditUpstreamStatus.Of(IsToolError(result));

    private async Task<GateOutcome> ReserveAsync(string upstream, string tool, CallScope scope, IReadOnlyList<LimitCharge> charges)
    {
        using var activity = charges.Count > 0 ? GatehouseTelemetry.Source.StartActivity("gatehouse counters") : null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await counters.ReserveAsync(scope, charges);
        }
        catch (CounterUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            Log.CountersUnavailable(logger, upstream, tool, ex.InnerException?.GetType().Name ?? "unknown");
            throw;
        }
        finally
        {
            if (charges.Count > 0)
            {
                metrics.CounterDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
    }

    private JsonObject Refuse(CallDecision call, Decision decision, string rulePointer)
    {
        var action = decision.Action.ToWire();
        call.Call.Decided(action, decision.Rule);
        call.Audit.Decided(action, rulePointer, call.Policy.Version);
        metrics.Refusals.Add(1, new(TelemetryAttributes.Decision, action), new(TelemetryAttributes.Upstream, call.Upstream));
        Log.Refused(logger, call.Upstream, call.Tool, action, decision.Rule);
        return Refusals.Of(decision);
    }

    private static Decision ToolChanged(string upstream, string tool) => new(
        DecisionAction.ToolChanged,
        tool,
        $"Tool '{tool}' of upstream '{upstream}' is not the tool that was approved: its definition changed. An operator must accept the new definition before it can be called.",
        null);

    /// <summary>The refusal of a call whose limits could not be checked: it was not forwarded; a retry shortly may pass.</summary>
    private static Decision Unavailable(string tool, IReadOnlyList<LimitCharge> charges) => new(
        DecisionAction.Unavailable,
        charges.Count > 0 ? charges[0].Limit.Counter : tool,
        $"Gatehouse could not check this call of '{tool}' against its limits (their store is unavailable), so it was not forwarded. Try again shortly.",
        UnavailableRetrySeconds);

    /// <summary>Whether the upstream's result says the tool failed (<c>isError</c>).</summary>
    private static bool IsToolError(JsonNode result) =>
        result["isError"] is JsonValue isError && isError.TryGetValue<bool>(out var failed) && failed;

    private static JsonElement ArgumentsOf(JsonNode? parameters) =>
        parameters?["arguments"] is JsonObject arguments ? JsonSerializer.SerializeToElement(arguments) : default;

    /// <summary>Passes the upstream's progress to the agent under the agent's own progress token, if it sent one.</summary>
    private static Func<JsonObject, ValueTask>? ProgressRelay(JsonRpcRequest request, McpServer server, CancellationToken cancellationToken)
    {
        if (request.Params?["_meta"]?["progressToken"] is not { } agentToken)
        {
            return null;
        }

        return progress =>
        {
            progress["progressToken"] = agentToken.DeepClone();
            return new ValueTask(server.SendMessageAsync(
                new JsonRpcNotification { Method = NotificationMethods.ProgressNotification, Params = progress }, cancellationToken));
        };
    }

    /// <summary>Where one call's decision is recorded (telemetry and audit), and the policy that decides it.</summary>
    private sealed record CallDecision(CallTelemetry Call, AuditCall Audit, PolicyInForce Policy, string Upstream, string Tool, string? Subject);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Refused {Upstream}/{Tool}: {Action} by {Rule}")]
        public static partial void Refused(ILogger logger, string upstream, string tool, string action, string rule);

        [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Could not check limits of {Upstream}/{Tool} ({ErrorType}); the call was not forwarded")]
        public static partial void CountersUnavailable(ILogger logger, string upstream, string tool, string errorType);
    }
}
