using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Telemetry;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Host.Front;

/// <summary>
/// The MCP server handlers of one upstream's endpoint. Requests other than tool calls are forwarded
/// unchanged (their raw params, so fields the SDK does not model survive), with tool lists filtered
/// by policy.
/// </summary>
internal sealed class UpstreamFront(string upstream, IUpstreamChannel channel, ToolCallHandler toolCalls, Policies.PolicyStore policies)
{
    public string Upstream => upstream;

    public IUpstreamChannel Channel => channel;

    public async ValueTask<ListToolsResult> ListToolsAsync(RequestContext<ListToolsRequestParams> context, CancellationToken cancellationToken)
    {
        var result = await ForwardAsync<ListToolsResult>(RequestMethods.ToolsList, context.JsonRpcRequest, cancellationToken);
        var policy = policies.Get(upstream);
        result.Tools = [.. result.Tools.Where(tool => Gatehouse.Policy.PolicyEvaluator.IsListed(policy, tool.Name))];
        return result;
    }

    public ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken) =>
        toolCalls.HandleAsync(this, context, cancellationToken);

    public ValueTask<ListResourcesResult> ListResourcesAsync(RequestContext<ListResourcesRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<ListResourcesResult>(RequestMethods.ResourcesList, context.JsonRpcRequest, cancellationToken);

    public ValueTask<ListResourceTemplatesResult> ListResourceTemplatesAsync(RequestContext<ListResourceTemplatesRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<ListResourceTemplatesResult>(RequestMethods.ResourcesTemplatesList, context.JsonRpcRequest, cancellationToken);

    public ValueTask<ReadResourceResult> ReadResourceAsync(RequestContext<ReadResourceRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<ReadResourceResult>(RequestMethods.ResourcesRead, context.JsonRpcRequest, cancellationToken);

    public ValueTask<ListPromptsResult> ListPromptsAsync(RequestContext<ListPromptsRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<ListPromptsResult>(RequestMethods.PromptsList, context.JsonRpcRequest, cancellationToken);

    public ValueTask<GetPromptResult> GetPromptAsync(RequestContext<GetPromptRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<GetPromptResult>(RequestMethods.PromptsGet, context.JsonRpcRequest, cancellationToken);

    public ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<CompleteResult>(RequestMethods.CompletionComplete, context.JsonRpcRequest, cancellationToken);

    /// <summary>Sends the agent's request upstream as it came, and reads the answer back into the SDK's type.</summary>
    public async ValueTask<TResult> ForwardAsync<TResult>(string method, JsonRpcRequest request, CancellationToken cancellationToken)
        where TResult : class
    {
        try
        {
            return Read<TResult>(method, await SendAsync(method, request, null, cancellationToken));
        }
        catch (UpstreamException ex)
        {
            throw UpstreamErrors.ToProtocolException(ex);
        }
    }

    /// <summary>Sends the agent's request upstream as it came.</summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public async Task<JsonNode?> SendAsync(string method, JsonRpcRequest request, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken)
    {
        using var activity = GatehouseTelemetry.Source.StartActivity($"upstream {method}", ActivityKind.Client);
        activity?.SetTag(TelemetryAttributes.Upstream, upstream);
        activity?.SetTag(TelemetryAttributes.McpMethodName, method);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await channel.SendAsync(method, ForwardedParams.From(request.Params), onProgress, cancellationToken);
        }
        catch (UpstreamException ex)
        {
            outcome = ex.Kind.ToString().ToLowerInvariant();
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag(TelemetryAttributes.ErrorType, outcome);
            GatehouseTelemetry.UpstreamErrors.Add(1, new(TelemetryAttributes.Upstream, upstream), new(TelemetryAttributes.ErrorType, outcome));
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            GatehouseTelemetry.UpstreamDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new(TelemetryAttributes.Upstream, upstream),
                new(TelemetryAttributes.McpMethodName, method),
                new(TelemetryAttributes.Outcome, outcome));
        }
    }

    public TResult Read<TResult>(string method, JsonNode? result)
        where TResult : class =>
        result.Deserialize<TResult>(McpJsonUtilities.DefaultOptions)
            ?? throw new McpProtocolException($"Upstream '{upstream}' answered {method} with an empty result.", McpErrorCode.InternalError);
}
