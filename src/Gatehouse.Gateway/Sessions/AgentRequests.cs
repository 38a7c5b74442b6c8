using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gatehouse.Grains.Replies;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Sessions;

/// <summary>
/// The requests Gatehouse sends agents (sampling, elicitation and roots for an upstream, elicitation
/// for an approval) and their answers. Each request gets an unguessable id and a reply grain that
/// names the session and grant it went to; the agent's answer is taken, on whichever replica it lands,
/// only from that session and grant while the request is outstanding (<see cref="DeliverAsync"/>).
/// </summary>
internal sealed class AgentRequests(IGrainFactory grains)
{
    /// <summary>Every id Gatehouse gives a request to an agent starts so; an answer to any other id is refused at once.</summary>
    public const string IdPrefix = "gatehouse-";

    /// <summary>Sends <paramref name="method"/> to the agent through <paramref name="target"/> and waits for its result.</summary>
    /// <exception cref="McpProtocolException">The agent answered with an error.</exception>
    public async Task<JsonNode?> AskAsync(McpServer target, ReplyAddress address, string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        var id = IdPrefix + RandomNumberGenerator.GetHexString(32, lowercase: true);
        var reply = grains.GetGrain<IReplyGrain>(id);
        await reply.ExpectAsync(address);
        var answer = reply.WaitAsync(cancellationToken).AsTask();

        // The SDK sends requests only through its own correlation. Its wait never ends with the answer
        // (every answer is taken by the message gate and reaches the reply grain instead); it ends, and
        // is observed here, when the stream closes or the send fails, which ends this wait too.
        var sent = target.SendRequestAsync(new JsonRpcRequest { Id = new RequestId(id), Method = method, Params = parameters }, CancellationToken.None);
        Observe(sent);
        try
        {
            if (await Task.WhenAny(answer, sent) != answer)
            {
                await sent;
                throw new McpProtocolException($"The agent's stream closed before it answered {method}.", McpErrorCode.InternalError);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await TellCancelledAsync(target, id);
            throw;
        }

        var response = JsonNode.Parse(await answer) as JsonObject
            ?? throw new McpProtocolException($"The agent's answer to {method} was not a JSON-RPC response.", McpErrorCode.InternalError);
        if (response["error"] is JsonObject error)
        {
            throw new McpProtocolException(
                error["message"] is JsonValue message && message.TryGetValue<string>(out var text) ? text : "The agent refused the request.",
                (McpErrorCode)(error["code"] is JsonValue code && code.TryGetValue<int>(out var number) ? number : (int)McpErrorCode.InternalError));
        }

        return response["result"];
    }

    /// <summary>The agent is told that a request it has not answered is no longer wanted; a stream already closed is not an error.</summary>
    private static async Task TellCancelledAsync(McpServer target, string id)
    {
        try
        {
            await target.SendMessageAsync(
                new JsonRpcNotification { Method = NotificationMethods.CancelledNotification, Params = new JsonObject { ["requestId"] = id } },
                CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Nobody left to tell.
        }
    }

    /// <summary>The SDK's own wait for a request ends failed when its stream closes; that is expected and observed here.</summary>
    private static void Observe(Task sent) =>
        _ = sent.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>
    /// Hands an agent's answer to the request it answers. False, and nothing kept, when the id is not
    /// one of Gatehouse's outstanding requests to this session and grant.
    /// </summary>
    public async Task<bool> DeliverAsync(string id, ReplyAddress from, string responseJson) =>
        id.StartsWith(IdPrefix, StringComparison.Ordinal)
        && await grains.GetGrain<IReplyGrain>(id).DeliverAsync(from, responseJson);
}
