using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Grains.Approvals;
using Gatehouse.Policy;
using Gatehouse.Policy.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Approvals;

/// <summary>
/// Holds a call whose tool needs approval until a human decides. The approval grain is keyed by the
/// digest of the exact call, so a retried call joins its pending request; while it waits the agent
/// gets a progress notification every few seconds (if it asked for progress). An approval lets one
/// call through: it is spent when the call forwards.
/// </summary>
internal sealed partial class ApprovalGate(IGrainFactory grains, UserApproval users, TimeProvider time, ILogger<ApprovalGate> logger)
{
    /// <summary>How often a waiting agent hears that it still waits.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(3);

    /// <summary>Waits for the decision; null when the call may go on (its approval now spent), else the refusal.</summary>
    public async Task<Decision?> AwaitAsync(ApprovalCall call, ApprovalRule rule, McpServer server, JsonRpcRequest request, CancellationToken cancellationToken)
    {
        if (rule.By == ApprovalBy.User && !UserApproval.CanAsk(server))
        {
            // Nobody can be asked: refuse now, leaving nothing pending for an operator to approve by mistake.
            return NoElicitation(call);
        }

        var grain = grains.GetGrain<IApprovalGrain>(call.Id);
        var view = await grain.RequestAsync(RequestOf(call, rule));
        Held(logger, call, view);

        if (rule.By == ApprovalBy.User && view.State == ApprovalState.Pending)
        {
            var answer = await users.AskAsync(server, call, cancellationToken);
            if (answer is null)
            {
                return NoElicitation(call);
            }

            view = await grain.DecideAsync(answer.Value, "user", note: null) ?? view;
        }

        var progressToken = request.Params?["_meta"]?["progressToken"];
        var started = time.GetUtcNow();
        while (view.State == ApprovalState.Pending)
        {
            if (progressToken is not null)
            {
                var waited = (int)(time.GetUtcNow() - started).TotalSeconds;
                await server.SendMessageAsync(new JsonRpcNotification
                {
                    Method = NotificationMethods.ProgressNotification,
                    Params = new JsonObject
                    {
                        ["progressToken"] = progressToken.DeepClone(),
                        ["progress"] = waited,
                        ["message"] = $"Waiting for approval {call.Id} ({waited} s of {rule.TimeoutSeconds} s)",
                    },
                }, cancellationToken);
            }

            view = await grain.WaitAsync(view.Ticket, ProgressInterval, cancellationToken);
        }

        return view.State == ApprovalState.Approved && await grain.ConsumeAsync(view.Ticket) ? null : Outcome(call, rule, view);
    }

    /// <summary>What the approval grain is asked to hold for <paramref name="call"/>.</summary>
    public static ApprovalRequest RequestOf(ApprovalCall call, ApprovalRule rule) =>
        new(call.GrantId, call.Upstream, call.Tool, call.ArgumentsJson, rule.By == ApprovalBy.User ? "user" : "operator", rule.TimeoutSeconds, call.Rule, call.Risk);

    public static void Held(ILogger logger, ApprovalCall call, ApprovalView view) => Log.Held(logger, call.Upstream, call.Tool, call.Id, view.Request.By);

    /// <summary>The refusal for a decided approval that does not let the call through (denied, timed out, or already spent).</summary>
    public static Decision Outcome(ApprovalCall call, ApprovalRule rule, ApprovalView view) => view.State switch
    {
        ApprovalState.Denied => new Decision(DecisionAction.ApprovalDenied, call.Tool, Denied(call, view), null),
        ApprovalState.TimedOut => new Decision(DecisionAction.ApprovalTimeout, call.Tool, $"Nobody approved the call of '{call.Tool}' within {rule.TimeoutSeconds} s.", null),
        _ => new Decision(DecisionAction.ApprovalDenied, call.Tool, $"The approval of this call of '{call.Tool}' was already used; call again to ask anew.", null),
    };

    private static string Denied(ApprovalCall call, ApprovalView view) => view.Note is { } note
        ? $"The call of '{call.Tool}' was not approved (by the {view.DecidedBy}): {note}"
        : $"The call of '{call.Tool}' was not approved (by the {view.DecidedBy}).";

    public static Decision NoElicitation(ApprovalCall call) =>
        new(DecisionAction.ApprovalDenied, call.Tool, $"Tool '{call.Tool}' needs its user's approval, and this agent's client cannot ask its user (no elicitation).", null);

    /// <summary>The call as an approval binds it: the digest of grant, upstream, tool and canonical arguments.</summary>
    public static ApprovalCall Describe(string grantId, string upstream, string tool, JsonElement arguments)
    {
        var canonical = CanonicalJson.Text(arguments);
        var digest = Sha256Hex.Of($"{grantId}\n{upstream}\n{tool}\n{canonical}");
        return new ApprovalCall(digest, grantId, upstream, tool, canonical);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Holding {Upstream}/{Tool} for approval {ApprovalId} (by {By})")]
        public static partial void Held(ILogger logger, string upstream, string tool, string approvalId, string by);
    }
}
