using Gatehouse.Grains.Upstreams;

namespace Gatehouse.Upstreams;

/// <summary>
/// A listen on a stdio upstream's shared process, held from this replica: the process's notifications come to
/// <c>agent</c> here, and the resource URIs asked for stay subscribed to, until it is disposed.
/// </summary>
public sealed class StdioListener : IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly IStdioUpstreamGrain _grain;

    // Orleans keeps only a weak reference to an observer: the listener holds it for as long as it lives.
    private readonly AgentCallbackObserver _observer;
    private readonly IAgentCallbackObserver _reference;

    private StdioListener(string upstream, IAgentCallbacks agent, IGrainFactory grains)
    {
        _grains = grains;
        _grain = grains.GetGrain<IStdioUpstreamGrain>(upstream);
        _observer = new AgentCallbackObserver(agent);
        _reference = grains.CreateObjectReference<IAgentCallbackObserver>(_observer);
    }

    /// <summary>Starts listening on <paramref name="upstream"/>'s shared process, subscribed to <paramref name="resourceUris"/>.</summary>
    /// <exception cref="UpstreamException">The process refused a subscription, or its grain could not be reached.</exception>
    public static async Task<StdioListener> OpenAsync(string upstream, IAgentCallbacks agent, IReadOnlyList<string> resourceUris, IGrainFactory grains)
    {
        var listener = new StdioListener(upstream, agent, grains);
        try
        {
            await listener._grain.ListenAsync(listener._reference, [.. resourceUris]).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            grains.DeleteObjectReference<IAgentCallbackObserver>(listener._reference);
            if (ex is UpstreamException or OperationCanceledException or OutOfMemoryException)
            {
                throw;
            }

            throw new UpstreamException(UpstreamFrameKind.Unreachable, upstream, ex.Message);
        }

        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _grain.StopListeningAsync(_reference).ConfigureAwait(false);
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
