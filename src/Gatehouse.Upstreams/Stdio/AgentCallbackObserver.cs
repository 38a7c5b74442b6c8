using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;
using ModelContextProtocol;

namespace Gatehouse.Upstreams;

/// <summary>
/// On a replica: takes what a session's process grain asks of the agent, or tells it, and passes it to the agent
/// through this replica's callbacks for that session. A refusal comes back as data, not as an exception.
/// </summary>
internal sealed class AgentCallbackObserver(IAgentCallbacks agent) : IAgentCallbackObserver
{
    public async Task<string> RequestAsync(string method, string? paramsJson)
    {
        try
        {
            var result = await agent.RequestAsync(method, paramsJson is null ? null : JsonNode.Parse(paramsJson), CancellationToken.None).ConfigureAwait(false);
            return "{\"result\":" + (result?.ToJsonString() ?? "null") + "}";
        }
        catch (McpProtocolException ex)
        {
            return new JsonObject { ["error"] = new JsonObject { ["code"] = (int)ex.ErrorCode, ["message"] = ex.Message } }.ToJsonString();
        }
    }

    public Task NotifyAsync(string method, string? paramsJson) =>
        agent.NotifyAsync(method, paramsJson is null ? null : JsonNode.Parse(paramsJson), CancellationToken.None);
}
