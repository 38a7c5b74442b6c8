using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front.Tasks;

/// <summary>
/// An upstream's <c>tasks</c> capability (2025-11-25, where tasks are an experimental part of the revision; the MCP SDK
/// models none of it): which <c>tasks/*</c> methods its endpoint forwards, and the capability that endpoint adds to
/// its <c>initialize</c> answer to a 2025-11-25 agent, as the upstream offered it. One instance per agent session.
/// </summary>
internal sealed class TaskCapability
{
    public const string GetMethod = "tasks/get";
    public const string ResultMethod = "tasks/result";
    public const string ListMethod = "tasks/list";
    public const string CancelMethod = "tasks/cancel";

    /// <summary>A task's status changed (relayed to the session of the agent whose call created it).</summary>
    public const string StatusNotification = "notifications/tasks/status";

    /// <summary>The revision whose agents are told of tasks; earlier ones have none, and 2026-07-28 made them an extension.</summary>
    private const string Revision = "2025-11-25";

    private readonly Offered _offered;
    private RequestId? _initializeId;

    private TaskCapability(Offered offered) => _offered = offered;

    /// <summary>Each upstream's offer by its capabilities' text, read once: a sessionless agent's every request configures its endpoint.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Offered?> Offers = new(StringComparer.Ordinal);

    /// <summary>The upstream's offer, from its capabilities as it sent them; null when it offers no tasks.</summary>
    public static TaskCapability? Of(string? capabilitiesJson) =>
        capabilitiesJson is not null && Offers.GetOrAdd(capabilitiesJson, static json => Offered.Of(JsonNode.Parse(json)?["tasks"] as JsonObject)) is { } offered
            ? new TaskCapability(offered)
            : null;

    /// <summary>
    /// What the aggregate <c>/mcp</c> offers a 2025-11-25 agent: tasks of tool calls when an upstream of the grant makes
    /// them, and list and cancel when one offers them (the others' answer that they have none); null when none offers tasks.
    /// </summary>
    public static TaskCapability? Merge(IEnumerable<TaskCapability?> members)
    {
        var offers = members.OfType<TaskCapability>().Select(member => member._offered).ToList();
        if (offers.Count == 0)
        {
            return null;
        }

        var merged = new JsonObject();
        if (offers.Any(offer => offer.List))
        {
            merged["list"] = new JsonObject();
        }

        if (offers.Any(offer => offer.Cancel))
        {
            merged["cancel"] = new JsonObject();
        }

        if (offers.Any(offer => offer.ToolCalls))
        {
            merged["requests"] = new JsonObject { ["tools"] = new JsonObject { ["call"] = new JsonObject() } };
        }

        return new TaskCapability(Offered.Of(merged)!);
    }

    /// <summary>A method of tasks, of either generation (2025-11-25's, or the 2026-07-28 extension's <c>tasks/update</c>).</summary>
    public static bool IsTaskMethod(string method) => method is GetMethod or ResultMethod or ListMethod or CancelMethod or TaskExtension.UpdateMethod;

    /// <summary>Whether the upstream creates tasks for <c>tools/call</c> (the only request that may make one).</summary>
    public bool CreatedByToolCalls => _offered.ToolCalls;

    /// <summary>The <c>tasks/*</c> methods the endpoint forwards: always get and result, list and cancel when offered.</summary>
    public IEnumerable<string> Methods
    {
        get
        {
            yield return GetMethod;
            yield return ResultMethod;
            if (_offered.List)
            {
                yield return ListMethod;
            }

            if (_offered.Cancel)
            {
                yield return CancelMethod;
            }
        }
    }

    /// <summary>Notes which request is the agent's <c>initialize</c> (<see cref="Note"/>), so its answer can be found on the way out.</summary>
    public McpMessageFilter NoteInitialize => next => (context, cancellationToken) =>
    {
        Note(context.JsonRpcMessage);
        return next(context, cancellationToken);
    };

    /// <summary>Offers the upstream's tasks in the <c>initialize</c> answer on its way out (<see cref="Offer"/>).</summary>
    public McpMessageFilter Advertise => next => (context, cancellationToken) =>
    {
        Offer(context.JsonRpcMessage);
        return next(context, cancellationToken);
    };

    /// <summary>Remembers the id of the agent's <c>initialize</c> request, when <paramref name="incoming"/> is that.</summary>
    public void Note(JsonRpcMessage incoming)
    {
        if (incoming is JsonRpcRequest { Method: RequestMethods.Initialize } initialize)
        {
            _initializeId = initialize.Id;
        }
    }

    /// <summary>Adds the upstream's <c>tasks</c> capability to <paramref name="outgoing"/> when it answers the agent's <c>initialize</c> on 2025-11-25.</summary>
    public void Offer(JsonRpcMessage outgoing)
    {
        if (outgoing is JsonRpcResponse response
            && _initializeId is { } initializeId
            && response.Id == initializeId
            && response.Result is JsonObject result
            && result["protocolVersion"] is JsonValue version && version.TryGetValue<string>(out var negotiated) && negotiated == Revision
            && result["capabilities"] is JsonObject capabilities)
        {
            capabilities["tasks"] = JsonNode.Parse(_offered.Json);
        }
    }

    /// <summary>What an upstream's <c>tasks</c> object offers, read once and shared (a parsed JSON tree is not safe to read from several threads).</summary>
    private sealed record Offered(string Json, bool List, bool Cancel, bool ToolCalls)
    {
        public static Offered? Of(JsonObject? tasks) => tasks is null
            ? null
            : new Offered(tasks.ToJsonString(), tasks["list"] is not null, tasks["cancel"] is not null, tasks["requests"]?["tools"]?["call"] is not null);
    }
}
