using System.Security.Claims;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Front.Messages;
using Gatehouse.Grains.Tasks;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front.Tasks;

/// <summary>
/// Tasks an upstream creates for a task-augmented <c>tools/call</c> (2025-11-25). The call itself is decided by policy
/// like any other (deny, limits, approval, argument rules) and its result, the created task, is recorded with the grant,
/// end user and tool that created it (<see cref="ITaskOwnerGrain"/>). A <c>tasks/*</c> request then reaches the upstream
/// only for a task of the caller's own, and <c>tasks/get</c> and <c>tasks/result</c> only while the policy in force
/// still lists the tool that created it; <c>tasks/list</c> shows only the caller's own tasks. Cancelling is always let
/// through to the owner. Agents of 2026-07-28 get the same tasks through the extension's methods (<see cref="TaskExtension"/>).
/// </summary>
internal sealed class TaskRequests(IGrainFactory grains, UpstreamCatalog catalog, UpstreamTransportFactory transports, TaskQuestions questions, TimeProvider time, ILoggerFactory loggerFactory)
{
    /// <summary>The longest a task's owner is kept, whatever <c>ttl</c> the upstream gave (none means unlimited).</summary>
    internal static readonly TimeSpan LongestKept = TimeSpan.FromHours(24);

    /// <summary>Kept a little past the task's <c>ttl</c>, so a last poll near its end is still told what the upstream says.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// After a <c>tools/call</c> that asked for a task: records who created the task the upstream answered with, and, for a
    /// sessionless agent's task, the upstream session it lives in (<paramref name="shared"/>'s, whose task store other
    /// replicas' shared connections do not see).
    /// </summary>
    public async ValueTask RecordAsync(string upstream, string tool, JsonRpcRequest request, JsonNode result, string grantId, string? subject, IUpstreamChannel? shared = null)
    {
        if (request.Params?["task"] is not JsonObject
            || result["task"] is not JsonObject task
            || task["taskId"] is not JsonValue id
            || !id.TryGetValue<string>(out var taskId))
        {
            return;
        }

        var ttl = task["ttl"] is JsonValue given && given.TryGetValue<double>(out var milliseconds) && milliseconds > 0
            ? TimeSpan.FromMilliseconds(Math.Min(milliseconds, LongestKept.TotalMilliseconds))
            : LongestKept;
        var session = (shared as UpstreamConnection)?.CurrentSession();
        var owner = await OwnerGrain(upstream, taskId).RecordAsync(new TaskOwner(grantId, subject, tool, time.GetUtcNow() + ttl + Margin, session));
        if (!owner.IsOwnedBy(grantId, subject))
        {
            // An upstream gave one id to two tasks: neither caller may reach the other's.
            throw new McpProtocolException($"Upstream '{upstream}' answered with task '{taskId}', an id it had given before; the task cannot be handed out.", McpErrorCode.InternalError);
        }
    }

    /// <summary>A <c>tasks/*</c> request on the upstream's endpoint: as 2025-11-25 has it for agents with a session, as the 2026-07-28 extension has it (<see cref="TaskExtension"/>) for those without.</summary>
    /// <exception cref="McpProtocolException">The task is not the caller's (or unknown, or expired), or its tool is no longer allowed.</exception>
    public async ValueTask<JsonNode> HandleAsync(UpstreamFront front, JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var extension = server.SessionId is null;
        if (extension ? request.Method is TaskCapability.ListMethod or TaskCapability.ResultMethod : request.Method == TaskExtension.UpdateMethod)
        {
            // tasks/list and tasks/result are gone from the extension (tasks/get carries the result); tasks/update is new in it.
            throw new McpProtocolException($"Method '{request.Method}' is not available.", McpErrorCode.MethodNotFound);
        }

        var grantId = user.GrantId();
        var subject = user.Subject();
        if (request.Method == TaskCapability.ListMethod)
        {
            return await ListAsync(front, request, server, grantId, subject, cancellationToken);
        }

        var taskId = ParamShapes.String(request, "taskId");
        var owner = await OwnerGrain(front.Upstream, taskId).GetAsync();
        if (owner is null || !owner.IsOwnedBy(grantId, subject))
        {
            throw new McpProtocolException($"Unknown task: '{taskId}'", McpErrorCode.InvalidParams);
        }

        if (request.Method is TaskCapability.GetMethod or TaskCapability.ResultMethod && !front.IsListed(owner.Tool))
        {
            throw new McpProtocolException(
                $"Task '{taskId}' was created by tool '{owner.Tool}', which the policy in force no longer allows; only tasks/cancel reaches it now.",
                McpErrorCode.InvalidParams);
        }

        if (!extension)
        {
            return await front.ForwardAsync(request, server, cancellationToken);
        }

        if (request.Method == TaskExtension.UpdateMethod)
        {
            // The answers go to the task's waiting questions (see TaskQuestions); a task that asked none takes none.
            await questions.AnswerAsync(front.Upstream, taskId, (request.Params as JsonObject)?["inputResponses"] as JsonObject);
            return TaskExtension.Acknowledged();
        }

        await using var through = Borrow(front, owner);
        if (request.Method == TaskCapability.CancelMethod)
        {
            await front.ForwardAsync(request, server, cancellationToken, through);
            return TaskExtension.Acknowledged();
        }

        return await GetAsync(front, taskId, request, server, through, cancellationToken);
    }

    /// <summary>
    /// The connection to reach a sessionless agent's task through: the upstream session its creating replica's shared
    /// connection was in, resumed (and left open), unless this replica's shared connection is in that session; null for
    /// the shared connection.
    /// </summary>
    private UpstreamConnection? Borrow(UpstreamFront front, TaskOwner owner)
    {
        if (owner.Session is not { } session || (front.Channel as UpstreamConnection)?.CurrentSessionId == session.UpstreamSessionId)
        {
            return null;
        }

        return new UpstreamConnection(front.Upstream, catalog.Get(front.Upstream), transports, loggerFactory, time, new AgentSessionSpec
        {
            Binding = session,
            Borrowed = true,
            Callbacks = NoAgent.Instance,
        });
    }

    private async Task<JsonNode> ListAsync(UpstreamFront front, JsonRpcRequest request, McpServer server, string grantId, string? subject, CancellationToken cancellationToken)
    {
        var page = await front.ForwardAsync(request, server, cancellationToken);
        if (page["tasks"] is JsonArray tasks)
        {
            var owners = await Task.WhenAll(tasks.Select(task => OwnerOfAsync(front.Upstream, task?["taskId"])));
            for (var i = tasks.Count - 1; i >= 0; i--)
            {
                if (owners[i]?.IsOwnedBy(grantId, subject) != true)
                {
                    tasks.RemoveAt(i);
                }
            }
        }

        return page;
    }

    /// <summary>
    /// The extension's <c>tasks/get</c>: the upstream's state of the task, with the questions it waits on for the agent,
    /// and its result (or error) once it ended.
    /// </summary>
    private async Task<JsonNode> GetAsync(UpstreamFront front, string taskId, JsonRpcRequest request, McpServer server, UpstreamConnection? through, CancellationToken cancellationToken)
    {
        var task = await front.ForwardAsync(request, server, cancellationToken, through);
        var status = task["status"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (status is not ("completed" or "failed"))
        {
            return TaskExtension.Detailed(task, null, null, await questions.WaitingAsync(front.Upstream, taskId));
        }

        try
        {
            return TaskExtension.Detailed(task, await front.ForwardAsync(ResultRequest(request, taskId), server, cancellationToken, through), null);
        }
        catch (McpProtocolException ex)
        {
            return TaskExtension.Detailed(task, null, new JsonObject { ["code"] = (int)ex.ErrorCode, ["message"] = ex.Message });
        }
    }

    private static JsonRpcRequest ResultRequest(JsonRpcRequest request, string taskId) => new()
    {
        Id = request.Id,
        Method = TaskCapability.ResultMethod,
        Params = new JsonObject { ["taskId"] = taskId },
        Context = request.Context,
    };

    private async Task<TaskOwner?> OwnerOfAsync(string upstream, JsonNode? taskId) =>
        taskId is JsonValue value && value.TryGetValue<string>(out var id) ? await OwnerGrain(upstream, id).GetAsync() : null;

    private ITaskOwnerGrain OwnerGrain(string upstream, string taskId) => grains.GetGrain<ITaskOwnerGrain>(upstream + "/" + taskId);

    /// <summary>What a borrowed connection's upstream would ask, or tell, reaches no agent: it asks nothing of one without capabilities.</summary>
    private sealed class NoAgent : IAgentCallbacks
    {
        public static readonly NoAgent Instance = new();

        public Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
            throw new McpProtocolException($"No agent can answer {method} here.", McpErrorCode.MethodNotFound);

        public Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
