using System.Text.Json.Nodes;
using Gatehouse.Policy.Naming;

namespace Gatehouse.Gateway.Front.Tasks;

/// <summary>
/// Task ids on the aggregate <c>/mcp</c>: <c>{upstream}__{taskId}</c>, as tools and prompts are named there, so that a
/// task's requests route back to its upstream and two upstreams' ids cannot meet.
/// </summary>
internal static class TaskNames
{
    /// <summary>Where a message about a task names it (2025-11-25): in its <c>_meta</c>.</summary>
    public const string RelatedTaskMeta = "io.modelcontextprotocol/related-task";

    /// <summary>
    /// Names the tasks of <paramref name="upstream"/>'s answer or message as the aggregate's agent knows them: a task
    /// (<c>taskId</c>), a created task (<c>task.taskId</c>), a result or request about one (<c>_meta</c>'s related task, the
    /// extension's <c>tasks/get</c> result's too).
    /// </summary>
    public static void ToAgent(string upstream, JsonNode? message)
    {
        if (message is not JsonObject fields)
        {
            return;
        }

        Prefix(upstream, fields);
        if (fields["task"] is JsonObject task)
        {
            Prefix(upstream, task);
        }

        if (fields["_meta"]?[RelatedTaskMeta] is JsonObject related)
        {
            Prefix(upstream, related);
        }

        // The result a 2026-07-28 agent's tasks/get carries, about its task too.
        if (fields["result"]?["_meta"]?[RelatedTaskMeta] is JsonObject resultRelated)
        {
            Prefix(upstream, resultRelated);
        }
    }

    private static void Prefix(string upstream, JsonObject holder)
    {
        if (holder["taskId"] is JsonValue value && value.TryGetValue<string>(out var taskId))
        {
            holder["taskId"] = AggregateNames.Name(upstream, taskId);
        }
    }
}
