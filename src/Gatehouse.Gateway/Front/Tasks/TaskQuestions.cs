using System.Text.Json.Nodes;
using Gatehouse.Grains.Continuations;
using Gatehouse.Grains.Upstreams;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Front.Tasks;

/// <summary>
/// The questions a task asks a 2026-07-28 agent (the tasks extension's <c>input_required</c> status, its
/// <c>inputRequests</c> and <c>tasks/update</c>) over a 2025-11-25 upstream, which asks with server-to-client requests on
/// the task's <c>tasks/result</c> stream. An agent that declares sampling, elicitation or roots gets its task created on
/// an upstream session of the task's own, opened with those capabilities and its <c>clientInfo</c>. The replica that
/// created the task then waits on <c>tasks/result</c> upstream in the background: each question the upstream asks there
/// waits in a grain named after the task, a poll (<c>tasks/get</c>, through any replica) reports it, and the agent's
/// <c>tasks/update</c> (through any replica) answers it. The session stays open, for polls to resume, until the task's
/// time to live ends; if the replica holding it stops, an unanswered question is lost with it (the upstream's request
/// fails, and its task goes on as it would without an answer).
/// </summary>
internal sealed class TaskQuestions(IGrainFactory grains, UpstreamCatalog catalog, UpstreamTransportFactory transports, TimeProvider time, ILoggerFactory loggerFactory)
{
    /// <summary>
    /// Whether this agent's task at this upstream is created on a session of its own, so its questions reach the agent:
    /// the agent declares sampling, elicitation or roots, and the upstream is reached over HTTP on sessions (resumed from
    /// any replica).
    /// </summary>
    public bool Asks(string upstream, JsonRpcRequest request) =>
        catalog.Get(upstream) is { IsStdio: false, IsSessionless: false }
        && request.Context?.ClientCapabilities is { } capabilities
        && (capabilities.Sampling is not null || capabilities.Elicitation is not null || capabilities.Roots is not null);

    /// <summary>The upstream session a task is to be created on, with the agent's identity and capabilities.</summary>
    public TaskSession Open(string upstream, JsonRpcRequest request)
    {
        var callbacks = new QuestionCallbacks();
        var connection = new UpstreamConnection(upstream, catalog.Get(upstream), transports, loggerFactory, time, new AgentSessionSpec
        {
            ClientInfo = request.Context?.ClientInfo,
            Capabilities = request.Context?.ClientCapabilities,
            Callbacks = callbacks,

            // What the upstream asks outside the task's own stream is asked too.
            Listen = true,
        });
        return new TaskSession(this, upstream, connection, callbacks);
    }

    /// <summary>The questions of the task still waiting for the agent (<c>inputRequests</c>), or null when none waits.</summary>
    public async Task<JsonObject?> WaitingAsync(string upstream, string taskId) =>
        await Grain(upstream, taskId).OpenRequestsAsync() is { } open && JsonNode.Parse(open) is JsonObject requests ? requests : null;

    /// <summary>The agent's answers (<c>tasks/update</c>'s <c>inputResponses</c>) to the task's waiting questions; answers to none are ignored.</summary>
    public async Task AnswerAsync(string upstream, string taskId, JsonObject? responses)
    {
        if (responses is { Count: > 0 })
        {
            await Grain(upstream, taskId).AnswerAsync(responses.ToJsonString());
        }
    }

    private IBridgedCallGrain Grain(string upstream, string taskId) => grains.GetGrain<IBridgedCallGrain>($"task:{upstream}/{taskId}");

    /// <summary>
    /// Waits on the task's <c>tasks/result</c> upstream, so the upstream asks there, until the task ends; then keeps its
    /// session open for polls until its <paramref name="ttl"/> ends, and ends it.
    /// </summary>
    private async Task FollowAsync(UpstreamConnection connection, string taskId, TimeSpan ttl)
    {
        var until = time.GetUtcNow() + ttl;
        try
        {
            while (time.GetUtcNow() < until)
            {
                try
                {
                    await connection.SendAsync(TaskCapability.ResultMethod, new JsonObject { ["taskId"] = taskId }, onProgress: null, CancellationToken.None);
                    break;
                }
                catch (UpstreamException ex) when (ex.Kind == UpstreamFrameKind.TimedOut)
                {
                    // The task runs longer than one request may wait: wait again.
                }
            }

            var left = until - time.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, time);
            }
        }
        catch (UpstreamException)
        {
            // The task failed, or its session did: polls are told by the upstream.
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>A task's own upstream session, until the task is created on it and followed, or it is ended.</summary>
    internal sealed class TaskSession(TaskQuestions owner, string upstream, UpstreamConnection connection, QuestionCallbacks callbacks) : IAsyncDisposable
    {
        private bool _followed;

        public UpstreamConnection Connection => connection;

        /// <summary>After the call: when it created a task, the session is the task's (see <see cref="FollowAsync"/>); otherwise it ends with this.</summary>
        public async Task FollowAsync(JsonNode? result)
        {
            if (result?["task"] is not JsonObject task || task["taskId"] is not JsonValue id || !id.TryGetValue<string>(out var taskId))
            {
                return;
            }

            var grain = owner.Grain(upstream, taskId);
            await grain.OpenAsync();
            callbacks.Grain = grain;
            var ttl = task["ttl"] is JsonValue given && given.TryGetValue<double>(out var milliseconds) && milliseconds > 0
                ? TimeSpan.FromMilliseconds(Math.Min(milliseconds, TaskRequests.LongestKept.TotalMilliseconds))
                : TaskRequests.LongestKept;
            _followed = true;
            _ = owner.FollowAsync(connection, taskId, ttl);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_followed)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>The task's session asks the client: the question waits in the task's grain for the agent's <c>tasks/update</c>.</summary>
    internal sealed class QuestionCallbacks : IAgentCallbacks
    {
        private const string RelatedTask = "io.modelcontextprotocol/related-task";

        public IBridgedCallGrain? Grain { get; set; }

        public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
        {
            var grain = Grain ?? throw new McpProtocolException($"No agent can answer {method} before the task exists.", McpErrorCode.MethodNotFound);

            // The question is reported in its task's own poll: the task it relates to goes without saying.
            return await Continuations.CallBridge.AskAsync(grain, method, ParamsMeta.Without(parameters, RelatedTask), cancellationToken);
        }

        /// <summary>Notifications of the task's session have no stream to go on: a poll carries only the task's state.</summary>
        public Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
