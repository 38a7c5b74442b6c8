using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Front.Messages;
using Gatehouse.Grains.Continuations;
using Gatehouse.Grains.Upstreams;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Continuations;

/// <summary>
/// Bridges the generations for a 2026-07-28 agent's <c>tools/call</c> (and <c>prompts/get</c>, <c>resources/read</c>,
/// <c>completion/complete</c>, during which a 2025 upstream may ask too): the revision has no server-to-client
/// requests, a 2025 upstream asks for sampling, elicitation and roots with them. The call runs on an upstream session
/// of its own, opened with the capabilities the agent declares; each time the upstream asks, the agent is answered
/// <c>input_required</c> with the upstream's requests and a signed <c>requestState</c>, and its next round (through any
/// replica) brings the answers, which go to the upstream's waiting requests through the call's grain, until the
/// upstream's result is the answer. A state that was altered, made for another grant, upstream, method or target, is past its
/// expiry, or whose call already ended is refused.
/// <para>
/// An agent that asks for the call's log messages (<c>_meta</c> <c>io.modelcontextprotocol/logLevel</c>) is bridged
/// too: the revision scopes them to the request, a 2025 upstream sets its level per session. The call's session is set
/// to that level, and its log messages and progress reach the agent on the stream of the round in progress, each
/// round taking them at its own level and under its own progress token.
/// </para>
/// </summary>
internal sealed class CallBridge(
    IGrainFactory grains, RequestStateProtector states, UpstreamCatalog catalog, UpstreamTransportFactory transports,
    StdioProcessSlots processes, StatelessRelay relay, TimeProvider time, ILoggerFactory loggerFactory)
{
    /// <summary>The purpose a bridged call's state is signed for: it cannot stand in for an approval's, nor the reverse.</summary>
    private const string Purpose = "call";

    /// <summary>How long one round waits for the upstream's next request or result before asking the agent to call again.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether the request is a round of a bridged call, or of one relayed to an upstream that speaks 2026-07-28 (see
    /// <see cref="StatelessRelay"/>): it carries a state signed for one (any other is not, whatever it holds).
    /// </summary>
    public bool Continues(JsonRpcRequest request) => StateOf(request) is not null || relay.Continues(request);

    /// <summary>
    /// Whether this agent's call at this upstream runs bridged: a session of the call's own can be opened (the upstream
    /// is reached over HTTP, or is a stdio upstream that gives each agent session a process of its own, so the call
    /// gets one) and the agent declares sampling, elicitation or roots, or asks for log messages.
    /// </summary>
    public bool Bridges(string upstream, JsonRpcRequest request) =>
        relay.Relays(upstream)
        || catalog.Get(upstream) is var options
        && (!options.IsStdio || options.IsProcessPerSession)
        && ((request.Context?.ClientCapabilities is { } capabilities
                && (capabilities.Sampling is not null || capabilities.Elicitation is not null || capabilities.Roots is not null))
            || RequestLogLevel.Of(request) is not null);

    /// <summary>Whether a 2025 agent's session reaches this upstream over the sessionless wire too (see <see cref="StatelessRelay.RelaysForSessions"/>).</summary>
    public bool RelaysForSessions(string upstream) => relay.RelaysForSessions(upstream);

    /// <summary>A 2025 agent's request at an upstream that speaks only 2026-07-28, its questions put to the agent on its session (see <see cref="StatelessRelay.ForSessionAsync"/>).</summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public Task<JsonNode?> ForSessionAsync(BridgedCallScope scope, JsonRpcRequest request, McpServer server, CancellationToken cancellationToken) =>
        relay.ForSessionAsync(scope, request, server, cancellationToken);

    /// <summary>Starts the call upstream and answers its first round.</summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public async Task<JsonNode?> StartAsync(BridgedCallScope scope, JsonRpcRequest request, JsonObject? parameters, McpServer server, CancellationToken cancellationToken)
    {
        if (relay.Relays(scope.Upstream))
        {
            return await relay.StartAsync(scope, request, server, cancellationToken);
        }

        var options = catalog.Get(scope.Upstream);

        // A stdio upstream's process for the call counts against its MaxProcesses on this replica, as a session's does.
        var slot = options.IsStdio
            ? processes.TryTake(scope.Upstream, options.MaxProcesses) ?? throw new UpstreamException(
                UpstreamFrameKind.Unreachable,
                scope.Upstream,
                $"Upstream '{scope.Upstream}' runs a process per agent session or bridged request, and this replica already runs its limit of {options.MaxProcesses}; try again when one ends.")
            : null;
        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var call = grains.GetGrain<IBridgedCallGrain>(id);
        try
        {
            await call.OpenAsync();
        }
        catch
        {
            slot?.Dispose();
            throw;
        }

        var connection = new UpstreamConnection(scope.Upstream, options, transports, loggerFactory, time, new AgentSessionSpec
        {
            ClientInfo = request.Context?.ClientInfo,
            Capabilities = request.Context?.ClientCapabilities,
            Callbacks = new BridgedCallbacks(call),

            // What the upstream asks outside the call's own stream (server-everything asks for roots so) is asked too.
            Listen = true,
        });

        // The call outlives this round: it runs until the upstream answers (or its timeout), whichever replica the
        // agent's later rounds reach. It asks for progress when the agent did, and for log messages at the agent's level.
        var progress = request.Params?["_meta"]?["progressToken"] is not null;
        _ = RunAsync(call, connection, slot, request.Method, parameters, RequestLogLevel.Of(request), progress, scope.Upstream);
        return await RoundAsync(call, id, scope, options, request, server, cancellationToken);
    }

    /// <summary>A later round: the agent's answers go to the upstream's waiting requests, then the call's next step is the answer.</summary>
    /// <exception cref="McpProtocolException">The state is not one Gatehouse gave for this grant, upstream, method and target, or its call ended.</exception>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public async Task<JsonNode?> ContinueAsync(BridgedCallScope scope, JsonRpcRequest request, McpServer server, CancellationToken cancellationToken)
    {
        if (relay.Continues(request))
        {
            return await relay.ContinueAsync(scope, request, server, cancellationToken);
        }

        if (StateOf(request) is not { } state || !scope.Binds(state) || (string?)state["call"] is not { } id)
        {
            throw Refused();
        }

        var call = grains.GetGrain<IBridgedCallGrain>(id);
        if ((request.Params as JsonObject)?["inputResponses"] is JsonObject responses)
        {
            await call.AnswerAsync(responses.ToJsonString());
        }

        return await RoundAsync(call, id, scope, catalog.Get(scope.Upstream), request, server, cancellationToken);
    }

    private async Task<JsonNode?> RoundAsync(
        IBridgedCallGrain call, string id, BridgedCallScope scope, UpstreamOptions options, JsonRpcRequest request, McpServer server, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + Hold;
        JsonObject? step;
        while (true)
        {
            var left = until - time.GetUtcNow();
            var next = await call.NextAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
            step = next is null ? null : JsonNode.Parse(next) as JsonObject;
            if (step?["notifications"] is not JsonArray notifications)
            {
                break;
            }

            foreach (var notification in notifications)
            {
                await PassOnAsync(notification as JsonObject, request, server, cancellationToken);
            }
        }

        if (step?["lost"] is not null)
        {
            throw Refused();
        }

        if (step?["error"] is JsonObject error)
        {
            throw new UpstreamException(
                Enum.TryParse<UpstreamFrameKind>((string?)error["kind"], out var kind) ? kind : UpstreamFrameKind.Broken,
                scope.Upstream,
                (string?)error["message"] ?? string.Empty,
                (int?)error["code"] ?? 0,
                (string?)error["data"]);
        }

        if (step is not null && step.TryGetPropertyValue("result", out var result))
        {
            return result?.DeepClone();
        }

        // The upstream asks the agent (or has not answered yet): the agent calls again with the state, and its answers.
        var payload = scope.Payload();
        payload["call"] = id;
        var inputRequired = new JsonObject
        {
            ["resultType"] = "input_required",
            ["requestState"] = states.Protect(Purpose, payload, BridgedCallScope.StateExpiry(time.GetUtcNow(), options)),
        };
        if (step?["inputRequests"] is JsonObject requests)
        {
            inputRequired["inputRequests"] = requests.DeepClone();
        }

        return inputRequired;
    }

    /// <summary>
    /// A notification of the call's upstream session, on the stream of the round in progress: progress under the round's
    /// progress token, a log message at or above the round's level; without them, and for anything else, none.
    /// </summary>
    private static async Task PassOnAsync(JsonObject? notification, JsonRpcRequest request, McpServer server, CancellationToken cancellationToken)
    {
        var method = (string?)notification?["method"];
        if (notification?["params"] is not JsonObject parameters)
        {
            return;
        }

        parameters = (JsonObject)parameters.DeepClone();
        var token = request.Params?["_meta"]?["progressToken"];
        switch (method)
        {
            case NotificationMethods.ProgressNotification when token is not null:
                parameters["progressToken"] = token.DeepClone();
                break;
            case NotificationMethods.LoggingMessageNotification when RequestLogLevel.Admits(request, parameters):
                break;
            default:
                return;
        }

        await server.SendMessageAsync(new JsonRpcNotification { Method = method, Params = parameters }, cancellationToken);
    }

    /// <summary>
    /// Runs the call upstream, posts its outcome, then ends the upstream session opened for it (the connection owns it;
    /// a stdio upstream's process ends with it, and gives back its <paramref name="slot"/>).
    /// </summary>
    private async Task RunAsync(
        IBridgedCallGrain call, UpstreamConnection connection, IDisposable? slot, string method, JsonObject? parameters, string? logLevel, bool progress, string upstream)
    {
        JsonObject outcome;
        try
        {
            if (logLevel is not null && OffersLogging(await connection.GetInfoAsync(CancellationToken.None)))
            {
                await connection.SendAsync(RequestMethods.LoggingSetLevel, new JsonObject { ["level"] = logLevel }, onProgress: null, CancellationToken.None);
            }

            var result = await connection.SendAsync(
                method,
                parameters,
                progress ? update => call.NotifyAsync(NotificationMethods.ProgressNotification, update.ToJsonString()) : null,
                CancellationToken.None);
            outcome = new JsonObject { ["result"] = result?.DeepClone() };
        }
        catch (UpstreamException ex)
        {
            outcome = new JsonObject { ["error"] = new JsonObject { ["kind"] = ex.Kind.ToString(), ["code"] = ex.ErrorCode, ["message"] = ex.Message, ["data"] = ex.ErrorDataJson } };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            outcome = new JsonObject { ["error"] = new JsonObject { ["kind"] = nameof(UpstreamFrameKind.Broken), ["message"] = $"Upstream '{upstream}' failed during {method}: {ex.Message}" } };
        }

        try
        {
            await call.FinishAsync(outcome.ToJsonString());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The call's grain is gone (its silo stopped): the agent's next round is told the call is lost.
        }
        finally
        {
            await connection.DisposeAsync();
            slot?.Dispose();
        }
    }

    private static bool OffersLogging(UpstreamInfo info) => JsonNode.Parse(info.CapabilitiesJson)?["logging"] is JsonObject;

    private JsonObject? StateOf(JsonRpcRequest request) => states.StateOf(Purpose, request, time.GetUtcNow());

    internal static McpProtocolException Refused() => new(
        "requestState is not one Gatehouse gave for this call, or the call it continues has ended (its result was already given, it expired, or the replica running it stopped). Call again without it to start anew.",
        McpErrorCode.InvalidParams);

    /// <summary>An upstream's question, put in <paramref name="call"/>'s grain until the agent answers it: the result the agent gave.</summary>
    internal static async Task<JsonNode?> AskAsync(IBridgedCallGrain call, string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        var answer = JsonNode.Parse(await call.AskAsync(method, parameters?.ToJsonString(), cancellationToken)) as JsonObject;
        return answer?["result"]?.DeepClone();
    }

    /// <summary>The call's upstream session asks the client: the question waits in the call's grain for the agent's next round.</summary>
    private sealed class BridgedCallbacks(IBridgedCallGrain call) : IAgentCallbacks
    {
        public Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
            AskAsync(call, method, parameters, cancellationToken);

        /// <summary>
        /// Log messages wait for the agent's round, which passes them on if it asked for them; the rest (list changes,
        /// resource updates) belong to a <c>subscriptions/listen</c> stream, not to a call's, and end here.
        /// </summary>
        public Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
            method == NotificationMethods.LoggingMessageNotification
                ? call.NotifyAsync(method, parameters?.ToJsonString()).AsTask()
                : Task.CompletedTask;
    }
}
