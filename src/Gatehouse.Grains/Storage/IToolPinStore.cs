using Gatehouse.Grains.Pins;

namespace Gatehouse.Grains;

/// <summary>Where pinned tool definitions are kept, so a changed definition is caught after restarts too.</summary>
public interface IToolPinStore
{
    Task<IReadOnlyList<ToolPin>> LoadAsync(string upstream, CancellationToken cancellationToken);

    Task SaveAsync(string upstream, ToolPin pin, CancellationToken cancellationToken);
}
