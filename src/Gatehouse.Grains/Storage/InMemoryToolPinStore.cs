using Gatehouse.Grains.Pins;

namespace Gatehouse.Grains;

/// <summary>Embedded default: pins live in their grains; after a restart every tool is seen for the first time again.</summary>
public sealed class InMemoryToolPinStore : IToolPinStore
{
    public Task<IReadOnlyList<ToolPin>> LoadAsync(string upstream, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ToolPin>>([]);

    public Task SaveAsync(string upstream, ToolPin pin, CancellationToken cancellationToken) => Task.CompletedTask;
}
