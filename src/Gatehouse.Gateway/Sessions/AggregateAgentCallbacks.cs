using System.Text.Json.Nodes;
using Gatehouse.Policy.Naming;
using Gatehouse.Upstreams;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Sessions;

/// <summary>
/// The way back to an agent on the aggregate endpoint <c>/mcp</c>: a resource update names the resource
/// by the URI the agent knows it by (<c>gatehouse:{upstream}:{uri}</c>), and what concerns a task names it as the agent
/// knows it (<c>{upstream}__{taskId}</c>).
/// </summary>
internal sealed class AggregateAgentCallbacks(IAgentCallbacks agent, string upstream) : IAgentCallbacks
{
    public Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        if (parameters?["_meta"]?[Front.Tasks.TaskNames.RelatedTaskMeta] is not null)
        {
            parameters = parameters.DeepClone();
            Front.Tasks.TaskNames.ToAgent(upstream, parameters);
        }

        return agent.RequestAsync(method, parameters, cancellationToken);
    }

    public Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        if (method == NotificationMethods.ResourceUpdatedNotification && parameters is JsonObject update && (string?)update["uri"] is { } uri)
        {
            var renamed = (JsonObject)update.DeepClone();
            renamed["uri"] = AggregateNames.Uri(upstream, uri);
            parameters = renamed;
        }
        else if (method == Front.Tasks.TaskCapability.StatusNotification && parameters is not null)
        {
            parameters = parameters.DeepClone();
            Front.Tasks.TaskNames.ToAgent(upstream, parameters);
        }

        return agent.NotifyAsync(method, parameters, cancellationToken);
    }
}
