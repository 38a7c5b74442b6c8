using Gatehouse.Grains.Pins;

namespace Gatehouse.Grains;

/// <summary>One upstream's pins; each new pin or change is saved before it is answered.</summary>
internal sealed class ToolPinGrain(IToolPinStore store, TimeProvider time) : Grain, IToolPinGrain
{
    private readonly Dictionary<string, ToolPin> _pins = new(StringComparer.Ordinal);

    // An activation's own prefix, so an etag of an earlier activation never matches a later one's.
    private readonly string _activation = Guid.NewGuid().ToString("N");
    private long _changes;
    private PinSnapshot? _snapshot;

    private string Upstream => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var pin in await store.LoadAsync(Upstream, cancellationToken))
        {
            _pins[pin.Tool] = pin;
        }
    }

    public async ValueTask<PinSnapshot> ObserveAsync(IReadOnlyList<ToolDefinition> tools)
    {
        foreach (var tool in tools)
        {
            if (!_pins.TryGetValue(tool.Name, out var pin))
            {
                await SaveAsync(new ToolPin(tool.Name, tool, time.GetUtcNow(), null, null));
            }
            else if (pin.Pinned.Sha256 == tool.Sha256)
            {
                if (pin.Pending is not null)
                {
                    // The upstream went back to the pinned definition: nothing is left to accept.
                    await SaveAsync(pin with { Pending = null, ChangedAt = null });
                }
            }
            else if (pin.Pending?.Sha256 != tool.Sha256)
            {
                await SaveAsync(pin with { Pending = tool, ChangedAt = time.GetUtcNow() });
            }
        }

        return Snapshot();
    }

    public async ValueTask<bool> AcceptAsync(string tool, string? pendingSha256)
    {
        if (!_pins.TryGetValue(tool, out var pin) || pin.Pending is null || (pendingSha256 is not null && pin.Pending.Sha256 != pendingSha256))
        {
            return false;
        }

        await SaveAsync(new ToolPin(tool, pin.Pending, time.GetUtcNow(), null, null));
        return true;
    }

    public ValueTask<PinSnapshot?> GetAsync(string? knownEtag)
    {
        var snapshot = Snapshot();
        return ValueTask.FromResult(snapshot.Etag == knownEtag ? null : snapshot);
    }

    private PinSnapshot Snapshot() => _snapshot ??= new PinSnapshot($"{_activation}:{_changes}", [.. _pins.Values.OrderBy(p => p.Tool, StringComparer.Ordinal)]);

    private async Task SaveAsync(ToolPin pin)
    {
        await store.SaveAsync(Upstream, pin, CancellationToken.None);
        _pins[pin.Tool] = pin;
        _changes++;
        _snapshot = null;
    }
}
