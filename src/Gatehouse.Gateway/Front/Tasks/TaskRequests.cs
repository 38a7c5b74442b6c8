using System.Security.Claims;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Front.Messages;
using Gatehouse.Grains.Tasks;
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
/// through to the owner.
/// </summary>
internal sealed class TaskRequests(IGrainFactory grains, TimeProvider time)
{
    /// <summary>The longest a task's owner is kept, whatever <c>ttl</c> the upstream gave (none means unlimited).</summary>
    internal static readonly TimeSpan LongestKept = TimeSpan.FromHours(24);

    /// <summary>Kept a little past the task's <c>ttl</c>, so a last poll near its end is still told what the upstream says.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <summary>After a <c>tools/call</c> that asked for a task: records who created the task the upstream answered with.</summary>
    public async ValueTask RecordAsync(string upstream, string tool, JsonRpcRequest request, JsonNode result, string grantId, string? subject)
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
        var owner = await OwnerGrain(upstream, taskId).RecordAsync(new TaskOwner(grantId, subject, tool, time.GetUtcNow() + ttl + Margin));
        if (!owner.IsOwnedBy(grantId, subject))
        {
            // An upstream gave one id to two tasks: neither caller may reach the other's.
            throw new McpProtocolException($"Upstream '{upstream}' answered with task '{taskId}', an id it had given before; the task cannot be handed out.", McpErrorCode.InternalError);
        }
    }

    /// <summary>A <c>tasks/*</c> request on the upstream's endpoint.</summary>
    /// <exception cref="McpProtocolException">The task is not the caller's (or unknown, or expired), or its tool is no longer allowed.</exception>
    public async ValueTask<JsonNode> HandleAsync(UpstreamFront front, JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var grantId = user.GrantId();
        var subject = user.Subject();
        if (request.Method == TaskCapability.ListMethod)
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

        var taskId = ParamShapes.String(request, "taskId");
        var owner = await OwnerGrain(front.Upstream, taskId).GetAsync();
        if (owner is null || !owner.IsOwnedBy(grantId, subject))
        {
            throw new McpProtocolException($"Unknown task: '{taskId}'", McpErrorCode.InvalidParams);
        }

        if (request.Method != TaskCapability.CancelMethod && !front.IsListed(owner.Tool))
        {
            throw new McpProtocolException(
                $"Task '{taskId}' was created by tool '{owner.Tool}', which the policy in force no longer allows; only tasks/cancel reaches it now.",
                McpErrorCode.InvalidParams);
        }

        return await front.ForwardAsync(request, server, cancellationToken);
    }

    private async Task<TaskOwner?> OwnerOfAsync(string upstream, JsonNode? taskId) =>
        taskId is JsonValue value && value.TryGetValue<string>(out var id) ? await OwnerGrain(upstream, id).GetAsync() : null;

    private ITaskOwnerGrain OwnerGrain(string upstream, string taskId) => grains.GetGrain<ITaskOwnerGrain>(upstream + "/" + taskId);
}
