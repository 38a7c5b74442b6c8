using Gatehouse.Gateway.Auth.OAuth;
using Gatehouse.Gateway.Catalog;
using Gatehouse.Gateway.Continuations;
using Gatehouse.Gateway.Policies;
using Gatehouse.Gateway.Sessions;
using Gatehouse.Telemetry;
using Gatehouse.Upstreams;

namespace Gatehouse.Gateway.Front;

/// <summary>The MCP handlers of every configured upstream, built once per replica.</summary>
internal sealed class UpstreamFronts
{
    private readonly Dictionary<string, UpstreamFront> _fronts = new(StringComparer.Ordinal);

    public UpstreamFronts(UpstreamCatalog catalog, UpstreamChannels channels, ToolCallHandler toolCalls, PolicyStore policies, ToolCatalog tools, SessionUpstreams sessions, AgentSessions agents, CancellationWatcher cancellations, UpstreamDelegation delegation, CallBridge bridge, Tasks.TaskRequests tasks, GatehouseMetrics metrics)
    {
        foreach (var name in catalog.Upstreams.Keys)
        {
            channels.TryGet(name, out var channel);
            _fronts[name] = new UpstreamFront(name, channel!, toolCalls, policies, tools, sessions, agents, cancellations, delegation, bridge, tasks, metrics);
        }
    }

    public bool TryGet(string upstream, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out UpstreamFront? front) =>
        _fronts.TryGetValue(upstream, out front);
}
