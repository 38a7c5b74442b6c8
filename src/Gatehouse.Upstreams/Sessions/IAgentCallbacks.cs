using System.Text.Json.Nodes;

namespace Gatehouse.Upstreams;

/// <summary>
/// The way back from an upstream session to the agent session it stands for: requests the upstream
/// makes of the client (sampling, elicitation, roots) and notifications it sends (logging, list
/// changes, resource updates).
/// </summary>
public interface IAgentCallbacks
{
    /// <summary>Asks the agent and returns its result.</summary>
    /// <exception cref="ModelContextProtocol.McpProtocolException">The agent answered with an error, or could not be asked.</exception>
    Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken);

    /// <summary>Passes a notification on to the agent.</summary>
    Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken);
}
