using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;

namespace Gatehouse.Upstreams;

/// <summary>
/// One agent session's own process of a stdio upstream (<c>ProcessPerSession</c>), reached from this replica through
/// the grain that owns it, wherever in the cluster it lives. What the process asks of the agent comes back to this
/// replica while its request runs; a listening channel also takes the process's notifications outside any request.
/// </summary>
public sealed class StdioSessionChannel : IUpstreamChannel, IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly IStdioSessionGrain _grain;
    private readonly bool _listen;

    // Orleans keeps only a weak reference to an observer: this channel holds it for as long as it lives.
    private readonly AgentCallbackObserver _observer;
    private readonly IAgentCallbackObserver _reference;

    private StdioSessionChannel(string upstream, string sessionId, IAgentCallbacks agent, bool listen, IGrainFactory grains)
    {
        Name = upstream;
        _grains = grains;
        _grain = grains.GetGrain<IStdioSessionGrain>(IStdioSessionGrain.KeyOf(upstream, sessionId));
        _listen = listen;
        _observer = new AgentCallbackObserver(agent);
        _reference = grains.CreateObjectReference<IAgentCallbackObserver>(_observer);
    }

    public string Name { get; }

    /// <summary>A channel to the process of <paramref name="sessionId"/> at <paramref name="upstream"/>; a listening one is registered with its grain.</summary>
    public static async Task<StdioSessionChannel> OpenAsync(string upstream, string sessionId, IAgentCallbacks agent, bool listen, IGrainFactory grains)
    {
        var channel = new StdioSessionChannel(upstream, sessionId, agent, listen, grains);
        if (listen)
        {
            await channel._grain.ListenAsync(channel._reference).ConfigureAwait(false);
        }

        return channel;
    }

    /// <summary>Ends the process of <paramref name="sessionId"/> at <paramref name="upstream"/> (the agent closed its session).</summary>
    public static ValueTask CloseAsync(string upstream, string sessionId, IGrainFactory grains) =>
        grains.GetGrain<IStdioSessionGrain>(IStdioSessionGrain.KeyOf(upstream, sessionId)).CloseAsync();

    /// <exception cref="UpstreamException">The process could not be started, or its grain not reached.</exception>
    public async Task<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _grain.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not UpstreamException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new UpstreamException(UpstreamFrameKind.Unreachable, Name, ex.Message);
        }
    }

    public Task<JsonNode?> SendAsync(string method, JsonObject? parameters, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken) =>
        UpstreamFrames.ReadAsync(Name, _grain.SendAsync(method, parameters?.ToJsonString(), onProgress is not null, _reference, cancellationToken), onProgress, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_listen)
            {
                await _grain.StopListeningAsync(_reference).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The grain is unreachable; it forgets a listener whose calls fail.
        }
        finally
        {
            _grains.DeleteObjectReference<IAgentCallbackObserver>(_reference);
        }
    }
}
