using Gatehouse.Grains.Sessions;

namespace Gatehouse.Grains;

/// <summary>Where session grains keep their records, so a session outlives the silo that held its grain.</summary>
public interface ISessionStore
{
    Task<SessionRecord?> LoadAsync(string sessionId, CancellationToken cancellationToken);

    Task SaveAsync(string sessionId, SessionRecord record, CancellationToken cancellationToken);

    Task DeleteAsync(string sessionId, CancellationToken cancellationToken);
}
