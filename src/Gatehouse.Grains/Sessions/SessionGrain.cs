using Gatehouse.Grains.Sessions;

namespace Gatehouse.Grains;

/// <summary>
/// One agent session's record, read through from the session store so a session opened on one
/// replica is served by any other, also after the silo that held the grain died. Kept active as long
/// as the MCP transport keeps an idle session (two hours), which matters when the store is in memory.
/// Asking for a session that does not exist leaves no activation behind.
/// </summary>
[CollectionAgeLimit(Minutes = 120)]
internal sealed class SessionGrain(ISessionStore store) : Grain, ISessionGrain
{
    private SessionRecord? _record;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _record = await store.LoadAsync(Id, cancellationToken);

    public async ValueTask OpenAsync(SessionRecord record)
    {
        await store.SaveAsync(Id, record, CancellationToken.None);
        _record = record;
    }

    public ValueTask<SessionRecord?> GetAsync()
    {
        if (_record is null)
        {
            // An id nobody opened (or one closed): keep nothing in memory for it.
            DeactivateOnIdle();
        }

        return ValueTask.FromResult(_record);
    }

    public async ValueTask<UpstreamBinding> BindUpstreamAsync(string upstream, UpstreamBinding binding)
    {
        if (_record is null)
        {
            throw new InvalidOperationException($"Session '{Id}' is closed.");
        }

        if (_record.UpstreamBindingOf(upstream) is { } existing)
        {
            return existing;
        }

        var bindings = new Dictionary<string, UpstreamBinding>(_record.Upstreams ?? new Dictionary<string, UpstreamBinding>(), StringComparer.Ordinal)
        {
            [upstream] = binding,
        };
        var updated = _record with { Upstreams = bindings };
        await store.SaveAsync(Id, updated, CancellationToken.None);
        _record = updated;
        return binding;
    }

    public async ValueTask CloseAsync()
    {
        await store.DeleteAsync(Id, CancellationToken.None);
        _record = null;
        DeactivateOnIdle();
    }
}
