using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Orleans.Concurrency;

namespace Gatehouse.Upstreams;

/// <summary>
/// Owns one stdio upstream's process. Reentrant, so concurrent agent calls share the one MCP
/// session the way a stdio server expects; always active, so the process is not stopped for idleness.
/// The process's notifications go to the listens of 2026-07-28 agents (<see cref="SharedListeners"/>).
/// </summary>
[Reentrant]
[CollectionAgeLimit(AlwaysActive = true)]
internal sealed class StdioUpstreamGrain(UpstreamCatalog catalog, UpstreamTransportFactory transports, ILoggerFactory loggerFactory, TimeProvider time)
    : Grain, IStdioUpstreamGrain
{
    private readonly SharedListeners _listeners = new();
    private UpstreamConnection? _connection;

    private UpstreamConnection Connection => _connection ?? throw new InvalidOperationException("The upstream grain is not active.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var name = this.GetPrimaryKeyString();
        _connection = new UpstreamConnection(name, catalog.Get(name), transports, loggerFactory, time, new AgentSessionSpec { Callbacks = _listeners });
        _connection.KeepAlive();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    public async ValueTask<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken) =>
        await Connection.GetInfoAsync(cancellationToken);

    public IAsyncEnumerable<UpstreamFrame> SendAsync(string method, string? paramsJson, bool withProgress, CancellationToken cancellationToken)
    {
        var parameters = paramsJson is null ? null : (JsonObject?)JsonNode.Parse(paramsJson);
        return UpstreamFrames.WriteAsync(onProgress => Connection.SendAsync(method, parameters, onProgress, cancellationToken), withProgress, cancellationToken);
    }

    public async ValueTask ListenAsync(IAgentCallbackObserver listener, string[] resourceUris)
    {
        try
        {
            foreach (var uri in _listeners.Add(listener, resourceUris))
            {
                await Connection.SendAsync(RequestMethods.ResourcesSubscribe, new JsonObject { ["uri"] = uri }, onProgress: null, CancellationToken.None);
            }
        }
        catch
        {
            await StopListeningAsync(listener);
            throw;
        }
    }

    public async ValueTask StopListeningAsync(IAgentCallbackObserver listener)
    {
        foreach (var uri in _listeners.Remove(listener))
        {
            try
            {
                await Connection.SendAsync(RequestMethods.ResourcesUnsubscribe, new JsonObject { ["uri"] = uri }, onProgress: null, CancellationToken.None);
            }
            catch (UpstreamException)
            {
                // The process went on without it (or restarted, which ended every subscription).
            }
        }
    }
}
