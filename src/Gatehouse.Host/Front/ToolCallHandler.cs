using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Host.Auth;
using Gatehouse.Host.Limits;
using Gatehouse.Host.Policies;
using Gatehouse.Policy;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Host.Front;

/// <summary>
/// <c>tools/call</c>: decide by policy, reserve budget, forward, and give the budget back if the
/// upstream never ran the call. A refused call never reaches the upstream.
/// </summary>
internal sealed partial class ToolCallHandler(PolicyStore policies, CounterGate counters, ILogger<ToolCallHandler> logger)
{
    public async ValueTask<CallToolResult> HandleAsync(UpstreamFront front, RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        var tool = context.Params?.Name ?? throw new McpProtocolException("tools/call needs a tool name.", McpErrorCode.InvalidParams);
        var arguments = ArgumentsOf(context.JsonRpcRequest.Params);
        var evaluation = PolicyEvaluator.Evaluate(policies.Get(front.Upstream), tool, arguments);

        switch (evaluation.Kind)
        {
            case EvaluationKind.Hidden:
                throw new McpProtocolException($"Unknown tool: '{tool}'", McpErrorCode.InvalidParams);
            case EvaluationKind.Refused:
                Log.Refused(logger, front.Upstream, tool, evaluation.Refusal!.Action.ToWire(), evaluation.Refusal.Rule);
                return Refusals.Of(evaluation.Refusal);
            case EvaluationKind.NeedsApproval:
                // Approvals are held by approval grains (a later part of the gateway); until then a call
                // that needs one is refused as if its approval timed out, and never runs.
                return Refusals.Of(new Decision(DecisionAction.ApprovalTimeout, tool,
                    $"Tool '{tool}' needs an operator's approval, and none was given.", null));
        }

        var scope = new CallScope(front.Upstream, context.User.GrantId(), context.Server.SessionId);
        GateOutcome gate;
        try
        {
            gate = await counters.ReserveAsync(scope, evaluation.Charges);
        }
        catch (CounterUnavailableException ex)
        {
            Log.CountersUnavailable(logger, front.Upstream, tool, ex.InnerException?.GetType().Name ?? "unknown");
            throw new McpProtocolException(ex.Message, McpErrorCode.InternalError);
        }

        if (!gate.Admitted)
        {
            Log.Refused(logger, front.Upstream, tool, gate.Refusal!.Action.ToWire(), gate.Refusal.Rule);
            return Refusals.Of(gate.Refusal);
        }

        JsonNode? result;
        try
        {
            result = await front.SendAsync(RequestMethods.ToolsCall, context.JsonRpcRequest, ProgressRelay(context, cancellationToken), cancellationToken);
        }
        catch (UpstreamException ex)
        {
            if (ex.NeverRan)
            {
                await counters.ReleaseAsync(gate.Held);
            }

            throw UpstreamErrors.ToProtocolException(ex);
        }

        return front.Read<CallToolResult>(RequestMethods.ToolsCall, result);
    }

    private static JsonElement ArgumentsOf(JsonNode? parameters) =>
        parameters?["arguments"] is JsonObject arguments ? JsonSerializer.SerializeToElement(arguments) : default;

    /// <summary>Passes the upstream's progress to the agent under the agent's own progress token, if it sent one.</summary>
    private static Func<JsonObject, ValueTask>? ProgressRelay(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        if (context.JsonRpcRequest.Params?["_meta"]?["progressToken"] is not { } agentToken)
        {
            return null;
        }

        return progress =>
        {
            progress["progressToken"] = agentToken.DeepClone();
            return new ValueTask(context.Server.SendMessageAsync(
                new JsonRpcNotification { Method = NotificationMethods.ProgressNotification, Params = progress }, cancellationToken));
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Refused {Upstream}/{Tool}: {Action} by {Rule}")]
        public static partial void Refused(ILogger logger, string upstream, string tool, string action, string rule);

        [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Could not check limits of {Upstream}/{Tool} ({ErrorType}); the call was not forwarded")]
        public static partial void CountersUnavailable(ILogger logger, string upstream, string tool, string errorType);
    }
}
