using Gatehouse.Grains.Sessions;

namespace Gatehouse.Grains;

/// <summary>
/// Remembers one agent session for as long as the MCP transport keeps idle sessions (two hours), so
/// a session opened on one replica is served by any other.
/// </summary>
[CollectionAgeLimit(Minutes = 120)]
internal sealed class SessionGrain : Grain, ISessionGrain
{
    private SessionRecord? _record;

    public ValueTask OpenAsync(SessionRecord record)
    {
        _record = record;
        return ValueTask.CompletedTask;
    }

    public ValueTask<SessionRecord?> GetAsync() => ValueTask.FromResult(_record);

    public ValueTask CloseAsync()
    {
        _record = null;
        DeactivateOnIdle();
        return ValueTask.CompletedTask;
    }
}
