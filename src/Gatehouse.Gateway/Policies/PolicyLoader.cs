namespace Gatehouse.Gateway.Policies;

/// <summary>Loads the policies as the host starts, so a bad policy stops the start with its faults rather than failing calls later.</summary>
internal sealed class PolicyLoader(PolicyStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.LoadAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
