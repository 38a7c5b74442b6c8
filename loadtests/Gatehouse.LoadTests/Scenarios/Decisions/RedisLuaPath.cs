using StackExchange.Redis;

namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>
/// The leanest Redis limiter there is: one atomic script per decision (INCRBY, PEXPIRE on the first unit, compare
/// with max), fixed windows keyed by window number. Shows what Redis costs without a library's bookkeeping.
/// </summary>
internal sealed class RedisLuaPath(IConnectionMultiplexer redis, int keys) : IDecisionPath
{
    private const long WindowMs = 3_600_000;
    private const long Max = 1_000_000_000_000;

    private static readonly LuaScript Script = LuaScript.Prepare("""
        local used = redis.call('INCRBY', @key, @cost)
        if used == tonumber(@cost) then redis.call('PEXPIRE', @key, @window) end
        if used > tonumber(@max) then redis.call('DECRBY', @key, @cost) return 0 end
        return 1
        """);

    private readonly IDatabase _database = redis.GetDatabase();
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _next;

    public string Name => "redis-lua";

    public string Description => "one atomic Lua script per decision (INCRBY/PEXPIRE/compare) on a local Redis (StackExchange.Redis)";

    public async ValueTask<bool> DecideAsync()
    {
        var key = (uint)Interlocked.Increment(ref _next) % (uint)keys;
        var window = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / WindowMs;
        var result = await _database.ScriptEvaluateAsync(Script, new { key = (RedisKey)$"gatehouse-lua-{_run}-{key}:{window}", cost = 1, window = WindowMs, max = Max });
        return (int)result == 1;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
