using System.Collections.Concurrent;

namespace Gatehouse.ConformanceServer.Subscriptions;

/// <summary>Which resource URIs each MCP session has subscribed to.</summary>
internal sealed class ResourceSubscriptions
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _bySession = new(StringComparer.Ordinal);

    public void Add(string sessionId, string uri) =>
        _bySession.GetOrAdd(sessionId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(uri, 0);

    public void Remove(string sessionId, string uri)
    {
        if (_bySession.TryGetValue(sessionId, out var uris))
        {
            uris.TryRemove(uri, out _);
        }
    }

}
