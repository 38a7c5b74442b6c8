using Gatehouse.Grains.Caching;

namespace Gatehouse.Grains;

/// <summary>A cache entry held by its grain until it expires; an expired entry deactivates its grain.</summary>
internal sealed class CacheEntryGrain(TimeProvider time) : Grain, ICacheEntryGrain
{
    private byte[]? _value;
    private DateTimeOffset? _absoluteExpiration;
    private TimeSpan? _slidingExpiration;
    private DateTimeOffset _lastAccess;
    private IGrainTimer? _expiry;

    public ValueTask<byte[]?> GetAsync()
    {
        if (Expired())
        {
            Clear();
            return ValueTask.FromResult<byte[]?>(null);
        }

        _lastAccess = time.GetUtcNow();
        return ValueTask.FromResult(_value);
    }

    public ValueTask SetAsync(byte[] value, DateTimeOffset? absoluteExpiration, TimeSpan? slidingExpiration)
    {
        _value = value;
        _absoluteExpiration = absoluteExpiration;
        _slidingExpiration = slidingExpiration;
        _lastAccess = time.GetUtcNow();
        _expiry ??= this.RegisterGrainTimer(CheckExpiryAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)) { KeepAlive = true });
        return ValueTask.CompletedTask;
    }

    public ValueTask RefreshAsync()
    {
        _lastAccess = time.GetUtcNow();
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync()
    {
        Clear();
        return ValueTask.CompletedTask;
    }

    private bool Expired()
    {
        var now = time.GetUtcNow();
        return _value is not null
            && ((_absoluteExpiration is { } at && now >= at) || (_slidingExpiration is { } idle && now - _lastAccess >= idle));
    }

    private Task CheckExpiryAsync(CancellationToken cancellationToken)
    {
        if (_value is null || Expired())
        {
            Clear();
        }

        return Task.CompletedTask;
    }

    private void Clear()
    {
        _value = null;
        _expiry?.Dispose();
        _expiry = null;
        DeactivateOnIdle();
    }
}
