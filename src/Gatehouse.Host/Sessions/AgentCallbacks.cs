using System.Text.Json.Nodes;
using Gatehouse.Grains.Replies;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Host.Sessions;

/// <summary>
/// Asks and tells one agent session on behalf of its upstream session. A request goes out with an id
/// that names this replica; the agent's answer is awaited both here (if it comes back to this replica)
/// and through a reply grain (if it lands on another), whichever is first.
/// </summary>
internal sealed class AgentCallbacks(AgentSessionState session, ReplyIds ids, IGrainFactory grains) : IAgentCallbacks
{
    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        var target = session.Target
            ?? throw new McpProtocolException($"The agent cannot be asked for {method}: it has no open stream on this replica.", McpErrorCode.InternalError);
        var id = ids.Next();
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var here = target.SendRequestAsync(new JsonRpcRequest { Id = new RequestId(id), Method = method, Params = parameters }, race.Token);
        var elsewhere = grains.GetGrain<IReplyGrain>(id).WaitAsync(race.Token).AsTask();
        var first = await Task.WhenAny(here, elsewhere);
        await race.CancelAsync();
        Observe(first == here ? elsewhere : here);

        if (first == here)
        {
            return (await here).Result;
        }

        var response = JsonNode.Parse(await elsewhere) as JsonObject
            ?? throw new McpProtocolException($"The agent's answer to {method} was not a JSON-RPC response.", McpErrorCode.InternalError);
        if (response["error"] is JsonObject error)
        {
            throw new McpProtocolException((string?)error["message"] ?? "The agent refused the request.", (McpErrorCode)((int?)error["code"] ?? (int)McpErrorCode.InternalError));
        }

        return response["result"];
    }

    /// <summary>The losing wait ends cancelled; its exception is expected and observed here.</summary>
    private static void Observe(Task loser) => _ = loser.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    public Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
        session.Target?.SendMessageAsync(new JsonRpcNotification { Method = method, Params = parameters }, cancellationToken) ?? Task.CompletedTask;
}
