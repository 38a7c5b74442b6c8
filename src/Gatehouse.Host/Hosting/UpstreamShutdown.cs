using Gatehouse.Gateway.Sessions;
using Gatehouse.Upstreams;

namespace Gatehouse.Host.Hosting;

/// <summary>
/// Closes every upstream connection when the replica stops, after the web server has drained its calls
/// and before the silo leaves: upstream sessions are ended (their DELETE sent) while the HTTP pipeline
/// that carries them still exists. Left to the container's disposal, the pipeline could go first.
/// </summary>
internal sealed class UpstreamShutdown(SessionUpstreams sessions, UpstreamChannels channels) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await sessions.DisposeAsync();
        await channels.DisposeAsync();
    }
}
