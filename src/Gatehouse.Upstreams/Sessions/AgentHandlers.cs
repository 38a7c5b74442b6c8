using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Upstreams;


/// <summary>
/// Gives an upstream session the agent's capabilities, and answers the upstream's requests of the
/// client (sampling, elicitation, roots) by asking the agent.
/// </summary>
internal static class AgentHandlers
{
    /// <param name="options">The upstream session's client options.</param>
    /// <param name="agent">The agent it stands for.</param>
    /// <param name="caughtUp">
    /// Waits until what the upstream told the agent before it asked (progress, log messages, already off the wire) has been
    /// passed on, so the agent gets them ahead of the question, as they were sent.
    /// </param>
    public static void Apply(McpClientOptions options, AgentSessionSpec agent, Func<Task> caughtUp)
    {
        var capabilities = agent.Capabilities is null
            ? new ClientCapabilities()
            : JsonSerializer.Deserialize<ClientCapabilities>(JsonSerializer.Serialize(agent.Capabilities, McpJsonUtilities.DefaultOptions), McpJsonUtilities.DefaultOptions)!;
        options.Capabilities = capabilities;

        if (capabilities.Sampling is not null)
        {
            options.Handlers.SamplingHandler = (request, _, cancellationToken) =>
                AskAsync<CreateMessageRequestParams?, CreateMessageResult>(agent, caughtUp, RequestMethods.SamplingCreateMessage, request, cancellationToken);
        }

        if (capabilities.Elicitation is not null)
        {
            options.Handlers.ElicitationHandler = (request, cancellationToken) =>
                AskAsync<ElicitRequestParams?, ElicitResult>(agent, caughtUp, RequestMethods.ElicitationCreate, request, cancellationToken);
        }

        if (capabilities.Roots is not null)
        {
            options.Handlers.RootsHandler = (request, cancellationToken) =>
                AskAsync<ListRootsRequestParams?, ListRootsResult>(agent, caughtUp, RequestMethods.RootsList, request, cancellationToken);
        }
    }

    private static async ValueTask<TResult> AskAsync<TParams, TResult>(AgentSessionSpec agent, Func<Task> caughtUp, string method, TParams request, CancellationToken cancellationToken)
        where TResult : class
    {
        await caughtUp().ConfigureAwait(false);
        var parameters = request is null ? null : JsonSerializer.SerializeToNode(request, McpJsonUtilities.DefaultOptions);
        var result = await agent.Callbacks.RequestAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        return result.Deserialize<TResult>(McpJsonUtilities.DefaultOptions)
            ?? throw new McpProtocolException($"The agent answered {method} with an empty result.", McpErrorCode.InternalError);
    }
}
