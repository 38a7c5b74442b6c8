using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front.Tasks;

/// <summary>
/// The tasks extension of 2026-07-28 (<c>io.modelcontextprotocol/tasks</c>), served to agents of that revision over an
/// upstream's tasks of 2025-11-25. The extension is server-directed: when an agent declares it and calls a tool whose
/// upstream listing says it runs as a task (<c>execution.taskSupport</c> optional or required), Gatehouse asks the upstream
/// for a task and answers <c>resultType: "task"</c>; <c>tasks/get</c> carries the task's result (or error) once it
/// ended, and the questions it waits on (<see cref="TaskQuestions"/>); <c>tasks/update</c> answers them, <c>tasks/cancel</c>
/// is passed on; both are acknowledged. The shapes differ from 2025-11-25's
/// (<c>ttlMs</c>, <c>pollIntervalMs</c>, the task's fields at the top level): the methods here translate.
/// </summary>
internal static class TaskExtension
{
    public const string Name = "io.modelcontextprotocol/tasks";

    public const string UpdateMethod = "tasks/update";

    /// <summary>
    /// Whether a sessionless request's agent declared the extension in its per-request capabilities, on an endpoint that
    /// offers it (an upstream's own; <c>/mcp</c> has no <c>tasks/get</c> to reach a task by).
    /// </summary>
    public static bool Declares(JsonRpcRequest request, McpServer server) =>
        request.Context?.ClientCapabilities?.Extensions?.ContainsKey(Name) == true
        && server.ServerOptions.Capabilities?.Extensions?.ContainsKey(Name) == true;

    /// <summary>The call as it goes upstream: asking for a task (with the upstream's own default time to live).</summary>
    public static JsonRpcRequest AsTask(JsonRpcRequest request)
    {
        var parameters = request.Params is JsonObject original ? (JsonObject)original.DeepClone() : [];
        parameters["task"] = new JsonObject();
        return new JsonRpcRequest { Id = request.Id, Method = request.Method, Params = parameters, Context = request.Context };
    }

    /// <summary>The upstream's <c>CreateTaskResult</c> (2025-11-25: <c>{"task": {…}}</c>) as the extension's (<c>resultType: "task"</c>).</summary>
    public static JsonObject Created(JsonNode upstreamResult)
    {
        var task = Translated(upstreamResult["task"] as JsonObject ?? []);
        task["resultType"] = "task";
        return task;
    }

    /// <summary>
    /// The upstream's answer to <c>tasks/get</c> as the extension's: <c>resultType: "complete"</c>, with the task's result
    /// or error when given. A task with questions waiting for the agent (<paramref name="waiting"/>, see
    /// <see cref="TaskQuestions"/>) is <c>input_required</c> with them as its <c>inputRequests</c>; one the upstream reports
    /// waiting for input while none waits for the agent (none was asked yet, or the answer is on its way) is working.
    /// </summary>
    public static JsonObject Detailed(JsonNode upstreamTask, JsonNode? result, JsonObject? error, JsonObject? waiting = null)
    {
        var task = Translated(upstreamTask as JsonObject ?? []);
        if (waiting is not null && (string?)task["status"] is not ("completed" or "failed" or "cancelled"))
        {
            task["status"] = "input_required";
            task["inputRequests"] = waiting;
        }
        else if ((string?)task["status"] == "input_required")
        {
            task["status"] = "working";
        }

        if (result is not null)
        {
            task["result"] = result.DeepClone();
        }

        if (error is not null)
        {
            task["error"] = error;
        }

        task["resultType"] = "complete";
        return task;
    }

    /// <summary>The acknowledgement of <c>tasks/cancel</c> and <c>tasks/update</c>.</summary>
    public static JsonObject Acknowledged() => new() { ["resultType"] = "complete" };

    private static JsonObject Translated(JsonObject upstream)
    {
        var task = (JsonObject)upstream.DeepClone();
        Rename(task, "ttl", "ttlMs");
        Rename(task, "pollInterval", "pollIntervalMs");
        if (!task.ContainsKey("ttlMs"))
        {
            task["ttlMs"] = null;
        }

        return task;
    }

    private static void Rename(JsonObject task, string from, string to)
    {
        if (task.Remove(from, out var value))
        {
            task[to] = value;
        }
    }
}
