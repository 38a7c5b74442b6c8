using Gatehouse.Grains.Sessions;

namespace Gatehouse.Grains;

/// <summary>Sessions kept only in their grain (the embedded default): lost if the silo dies, when the agent starts a new one.</summary>
public sealed class InMemorySessionStore : ISessionStore
{
    public Task<SessionRecord?> LoadAsync(string sessionId, CancellationToken cancellationToken) => Task.FromResult<SessionRecord?>(null);

    public Task SaveAsync(string sessionId, SessionRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteAsync(string sessionId, CancellationToken cancellationToken) => Task.CompletedTask;
}
