using System.Text.Json.Nodes;
using Gatehouse.Gateway.Front;
using Gatehouse.Gateway.Sessions;
using Gatehouse.Grains.Replies;
using Gatehouse.Grains.Upstreams;
using Gatehouse.Upstreams;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Continuations;

/// <summary>
/// A 2026-07-28 agent's call (or prompt, read, completion) at an upstream that speaks 2026-07-28 too
/// (<see cref="UpstreamOptions.ProtocolVersion"/>): nothing to bridge, each round is one request upstream over the
/// sessionless wire, as the agent sent it. The upstream's multi-round-trip questions pass through unchanged (their keys,
/// their kinds); only its <c>requestState</c> is wrapped in one Gatehouse signs, bound like a bridged call's to the grant,
/// upstream, method and target, so the next round, through any replica, is known for a round of the same call (not decided
/// by policy again, no budget spent) and goes upstream with the upstream's own state. Nothing is held between rounds.
/// </summary>
internal sealed class StatelessRelay(StatelessUpstreamClient client, RequestStateProtector states, UpstreamCatalog catalog, AgentRequests agentRequests, TimeProvider time)
{
    /// <summary>Most rounds a 2025 agent's request takes at an upstream that keeps asking (each a question answered by the agent).</summary>
    internal const int MostRounds = 16;

    /// <summary>The purpose a relayed round's state is signed for: it cannot stand in for a bridged call's or an approval's.</summary>
    private const string Purpose = "relay";

    /// <summary>Whether a sessionless (2026-07-28) agent's requests reach this upstream over the sessionless wire.</summary>
    public bool Relays(string upstream) => catalog.Get(upstream).SpeaksStateless;

    /// <summary>
    /// Whether a 2025 agent's session reaches this upstream over the sessionless wire too: the upstream speaks only
    /// 2026-07-28 (<see cref="UpstreamOptions.Sessionless"/>), so it has no session to stand for the agent's.
    /// </summary>
    public bool RelaysForSessions(string upstream) => catalog.Get(upstream).IsSessionless;

    /// <summary>
    /// A 2025 agent's request (on its session) at an upstream that speaks only 2026-07-28: sent in the agent's name (its
    /// <c>clientInfo</c> and capabilities from its session), and each time the upstream answers <c>input_required</c>, its
    /// questions go to the agent on its session as the requests of 2025 they stand for (sampling, elicitation, roots; the
    /// agent's answer may reach any replica), and the request goes again with the answers and the upstream's state, until
    /// the upstream's result. The agent sees what it would of a 2025 server that asks while it works.
    /// </summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all, or kept asking past <see cref="MostRounds"/>.</exception>
    /// <exception cref="ModelContextProtocol.McpProtocolException">The agent refused a question.</exception>
    public async Task<JsonNode?> ForSessionAsync(BridgedCallScope scope, JsonRpcRequest request, McpServer server, CancellationToken cancellationToken)
    {
        var parameters = SessionlessMeta.Stamp(Params(request, upstreamState: null, answers: false) ?? [], server.ClientCapabilities, server.ClientInfo);

        var address = new ReplyAddress(server.SessionId!, scope.GrantId);
        for (var round = 1; ; round++)
        {
            var result = await RoundAsync(scope, request.Method, parameters, server, cancellationToken);
            if (result is not JsonObject answer || (string?)answer["resultType"] != "input_required")
            {
                return result;
            }

            if (round == MostRounds)
            {
                throw new UpstreamException(
                    UpstreamFrameKind.Broken,
                    scope.Upstream,
                    $"Upstream '{scope.Upstream}' still asked for input after {MostRounds} rounds of {request.Method}.");
            }

            var responses = new JsonObject();
            foreach (var (key, question) in answer["inputRequests"] as JsonObject ?? [])
            {
                if ((string?)question?["method"] is { } method)
                {
                    responses[key] = (await agentRequests.AskAsync(server, address, method, question["params"]?.DeepClone(), cancellationToken))?.DeepClone();
                }
            }

            parameters["inputResponses"] = responses;
            parameters.Remove("requestState");
            if (answer["requestState"] is { } state)
            {
                parameters["requestState"] = state.DeepClone();
            }
        }
    }

    /// <summary>Whether the request is a later round of a relayed request: it carries a state signed for one.</summary>
    public bool Continues(JsonRpcRequest request) => StateOf(request) is not null;

    /// <summary>The first round: the agent's request goes upstream without any <c>requestState</c> or <c>inputResponses</c>.</summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public Task<JsonNode?> StartAsync(BridgedCallScope scope, JsonRpcRequest request, McpServer server, CancellationToken cancellationToken) =>
        SendAsync(scope, request, Params(request, upstreamState: null, answers: false), server, cancellationToken);

    /// <summary>A later round: the agent's answers go upstream with the upstream's own state of the round before.</summary>
    /// <exception cref="ModelContextProtocol.McpProtocolException">The state is not one Gatehouse gave for this grant, upstream, method and target.</exception>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public Task<JsonNode?> ContinueAsync(BridgedCallScope scope, JsonRpcRequest request, McpServer server, CancellationToken cancellationToken)
    {
        if (StateOf(request) is not { } state || !scope.Binds(state))
        {
            throw CallBridge.Refused();
        }

        return SendAsync(scope, request, Params(request, state["state"], answers: true), server, cancellationToken);
    }

    private async Task<JsonNode?> SendAsync(BridgedCallScope scope, JsonRpcRequest request, JsonObject? parameters, McpServer server, CancellationToken cancellationToken)
    {
        var result = await RoundAsync(scope, request.Method, parameters, server, cancellationToken);
        if (result is JsonObject answer && (string?)answer["resultType"] == "input_required")
        {
            // Always a state of Gatehouse's, even where the upstream gave none: it is what marks the next round as this call's.
            var payload = scope.Payload();
            payload["state"] = answer["requestState"]?.DeepClone();
            answer["requestState"] = states.Protect(Purpose, payload, BridgedCallScope.StateExpiry(time.GetUtcNow(), catalog.Get(scope.Upstream)));
        }

        return result;
    }

    /// <summary>One round upstream over the sessionless wire, what the upstream tells the request on the way passed on (<see cref="PassOnAsync"/>).</summary>
    private Task<JsonNode?> RoundAsync(BridgedCallScope scope, string method, JsonObject? parameters, McpServer server, CancellationToken cancellationToken) =>
        client.SendAsync(scope.Upstream, catalog.Get(scope.Upstream), method, parameters, notification => PassOnAsync(notification, server, cancellationToken), cancellationToken);

    /// <summary>
    /// What the upstream tells the request on its stream: its progress (under the agent's own token, which went upstream
    /// as it came) and log messages (the upstream keeps to the request's own level); anything else is not the request's.
    /// </summary>
    private static async ValueTask PassOnAsync(JsonObject notification, McpServer server, CancellationToken cancellationToken)
    {
        if ((string?)notification["method"] is NotificationMethods.ProgressNotification or NotificationMethods.LoggingMessageNotification
            && notification["params"] is JsonObject parameters)
        {
            await server.SendMessageAsync(
                new JsonRpcNotification { Method = (string)notification["method"]!, Params = parameters.DeepClone() }, cancellationToken);
        }
    }

    /// <summary>
    /// The agent's params as they go upstream (<see cref="ForwardedParams.ForSessionlessWire"/>); a later round's with the
    /// agent's answers and the upstream's own state of the round before.
    /// </summary>
    private static JsonObject? Params(JsonRpcRequest request, JsonNode? upstreamState, bool answers)
    {
        var copy = ForwardedParams.ForSessionlessWire(request.Params);
        if (copy is null)
        {
            return null;
        }

        if (answers && request.Params?["inputResponses"] is { } responses)
        {
            copy["inputResponses"] = responses.DeepClone();
        }

        if (upstreamState is not null)
        {
            copy["requestState"] = upstreamState.DeepClone();
        }

        return copy;
    }

    private JsonObject? StateOf(JsonRpcRequest request) => states.StateOf(Purpose, request, time.GetUtcNow());
}
