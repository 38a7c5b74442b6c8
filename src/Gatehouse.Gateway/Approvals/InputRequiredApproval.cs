using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Continuations;
using Gatehouse.Grains.Approvals;
using Gatehouse.Policy;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Approvals;

/// <summary>
/// Approvals for 2026-07-28 agents, which have no session for a held request or an elicitation to travel on:
/// a call that needs approval is answered at once with an <c>input_required</c> result, and the agent calls
/// again (through any replica) with the signed <c>requestState</c> until the approval is decided. The user's
/// own approval is a form elicitation in that result; an operator's is decided in the console, whose page for
/// the approval the result offers as a URL elicitation when the agent's client can show one. Each call back
/// waits up to <see cref="Hold"/> for an operator's decision before asking for another round.
/// </summary>
internal sealed class InputRequiredApproval(IGrainFactory grains, RequestStateProtector states, ApprovalPage page, TimeProvider time, ILogger<InputRequiredApproval> logger)
{
    /// <summary>The key of Gatehouse's input request (and of the agent's response to it).</summary>
    public const string InputKey = "gatehouse/approval";

    /// <summary>The purpose a state is signed for: it cannot stand in for any other continuation.</summary>
    private const string Purpose = "approval";

    /// <summary>How long one call back waits for an operator's decision before answering <c>input_required</c> again.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);

    /// <summary>How long after the approval's own deadline its state is still read (to answer <c>approval_timeout</c>, not "expired").</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <summary>One round: go on (the approval spent), a refusal, or the <c>input_required</c> result to answer with.</summary>
    public async Task<ApprovalStep> StepAsync(ApprovalCall call, ApprovalRule rule, JsonRpcRequest request, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IApprovalGrain>(call.Id);
        // A 2026-07-28 request declares its client's capabilities in its _meta; the SDK read them onto its context.
        var capabilities = request.Context?.ClientCapabilities;
        ApprovalView view;
        if ((request.Params as JsonObject)?["requestState"] is { } returned)
        {
            var state = returned.GetValueKind() == JsonValueKind.String ? states.Unprotect(Purpose, returned.GetValue<string>(), time.GetUtcNow()) : null;
            if (state is null || !Binds(state, call))
            {
                throw new McpProtocolException(
                    "requestState is not one Gatehouse gave for this call: altered, made for another call, grant or upstream, or expired. Call again without it to ask for approval anew.",
                    McpErrorCode.InvalidParams);
            }

            if (await grain.GetAsync() is not { } current || current.Ticket != state["ticket"]?.GetValue<long>())
            {
                return ApprovalStep.Refuse(Spent(call));
            }

            view = current;

            // Who decides is the approval's, not the policy's of now: an agent's answer never decides an operator's approval.
            if (IsForUser(view) && view.State == ApprovalState.Pending)
            {
                var responses = request.Params["inputResponses"] as JsonObject;
                if (UserApproval.Approves(responses?[InputKey]) is not { } answer)
                {
                    return Ask(call, view, UserQuestion(call));
                }

                view = await grain.DecideAsync(answer, "user", note: null) ?? view;
            }
            else if (view.State == ApprovalState.Pending)
            {
                view = await grain.WaitAsync(view.Ticket, Hold, cancellationToken);
            }
        }
        else
        {
            if (rule.By == ApprovalBy.User && !CanAskForm(capabilities))
            {
                return ApprovalStep.Refuse(ApprovalGate.NoElicitation(call));
            }

            view = await grain.RequestAsync(ApprovalGate.RequestOf(call, rule));
            ApprovalGate.Held(logger, call, view);
            if (view.State == ApprovalState.Pending)
            {
                if (!IsForUser(view))
                {
                    return Ask(call, view, OperatorPage(call, capabilities));
                }

                // Joined a pending approval by the user (the policy may have said otherwise then): ask if the client can.
                return CanAskForm(capabilities) ? Ask(call, view, UserQuestion(call)) : ApprovalStep.Refuse(ApprovalGate.NoElicitation(call));
            }
        }

        return view.State switch
        {
            ApprovalState.Pending => Ask(call, view, question: null),
            ApprovalState.Approved when await grain.ConsumeAsync(view.Ticket) => ApprovalStep.Proceed,
            ApprovalState.Approved => ApprovalStep.Refuse(Spent(call)),
            _ => ApprovalStep.Refuse(ApprovalGate.Outcome(call, rule, view)),
        };
    }

    private static bool IsForUser(ApprovalView view) => view.Request.By == "user";

    private static bool CanAskForm(ClientCapabilities? capabilities) =>
        capabilities?.Elicitation is { } elicitation && (elicitation.Form is not null || elicitation.Url is null);

    private static bool Binds(JsonObject state, ApprovalCall call) =>
        state["approval"]?.GetValue<string>() == call.Id
        && state["grant"]?.GetValue<string>() == call.GrantId
        && state["upstream"]?.GetValue<string>() == call.Upstream
        && state["tool"]?.GetValue<string>() == call.Tool
        && state["ticket"] is JsonValue;

    private ApprovalStep Ask(ApprovalCall call, ApprovalView view, InputRequest? question)
    {
        var state = states.Protect(
            Purpose,
            new JsonObject
            {
                ["approval"] = call.Id,
                ["ticket"] = view.Ticket,
                ["grant"] = call.GrantId,
                ["upstream"] = call.Upstream,
                ["tool"] = call.Tool,
            },
            view.ExpiresAt + Grace);
        var result = new InputRequiredResult
        {
            InputRequests = question is null ? null : new Dictionary<string, InputRequest> { [InputKey] = question },
            RequestState = state,
        };
        return ApprovalStep.InputRequired(JsonSerializer.SerializeToNode(result, McpJsonUtilities.DefaultOptions)!.AsObject());
    }

    private static InputRequest UserQuestion(ApprovalCall call) => InputRequest.ForElicitation(UserApproval.Question(call));

    /// <summary>The console page where an operator decides, for a client that can open a URL; else nothing to ask.</summary>
    private InputRequest? OperatorPage(ApprovalCall call, ClientCapabilities? capabilities) =>
        capabilities?.Elicitation?.Url is not null && page.LinkTo(call.Id) is { } link
            ? InputRequest.ForElicitation(new ElicitRequestParams
            {
                Mode = "url",
                ElicitationId = call.Id,
                Url = link,
                Message = $"An operator must approve this call of '{call.Tool}' on '{call.Upstream}' (approval {call.Id}). It goes ahead once approved.",
            })
            : null;

    private static Decision Spent(ApprovalCall call) =>
        new(DecisionAction.ApprovalDenied, call.Tool, $"The approval this call of '{call.Tool}' came back for was already used or replaced; call again to ask anew.", null);
}
