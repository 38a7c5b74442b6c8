using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Upstreams;

/// <summary>
/// This replica's way to an upstream that speaks only 2026-07-28 (<see cref="UpstreamOptions.Sessionless"/>): every
/// request one POST over the sessionless wire (<see cref="StatelessUpstreamClient"/>), in Gatehouse's own name (its
/// <c>clientInfo</c>, no capabilities) unless the params already carry an agent's; the upstream's identity and
/// capabilities from <c>server/discover</c>. Nothing is held between requests.
/// </summary>
public sealed class StatelessChannel(string name, UpstreamOptions options, StatelessUpstreamClient client) : IUpstreamChannel
{
    private const string ServerInfoMeta = "io.modelcontextprotocol/serverInfo";

    private static readonly JsonObject GatewayInfo = new()
    {
        ["name"] = "gatehouse",
        ["version"] = typeof(StatelessChannel).Assembly.GetName().Version?.ToString() ?? "0",
    };

    private volatile UpstreamInfo? _info;

    public string Name => name;

    /// <summary>The upstream's <c>server/discover</c> answer, asked once and kept (asked again after a failure).</summary>
    public async Task<UpstreamInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        if (_info is { } known)
        {
            return known;
        }

        var discovered = await client.SendAsync(name, options, "server/discover", Own(null), _ => ValueTask.CompletedTask, cancellationToken).ConfigureAwait(false) as JsonObject
            ?? throw new UpstreamException(UpstreamFrameKind.Broken, name, $"Upstream '{name}' answered server/discover without a result.");
        var serverInfo = discovered["_meta"]?[ServerInfoMeta] ?? discovered["serverInfo"] ?? new JsonObject { ["name"] = name, ["version"] = "0" };
        var info = new UpstreamInfo(
            serverInfo.ToJsonString(),
            (discovered["capabilities"] ?? new JsonObject()).ToJsonString(),
            (string?)discovered["instructions"],
            UpstreamDefaults.StatelessProtocolVersion);
        _info = info;
        return info;
    }

    /// <summary>Sends one request; progress, under a token of this request's own, goes to <paramref name="onProgress"/>.</summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public Task<JsonNode?> SendAsync(string method, JsonObject? parameters, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken)
    {
        var own = Own(parameters);
        string? token = null;
        if (onProgress is not null)
        {
            token = "gh-" + Guid.NewGuid().ToString("N");
            ((JsonObject)own["_meta"]!)["progressToken"] = token;
        }

        return client.SendAsync(name, options, method, own, notification =>
            notification["params"] is JsonObject progress
            && (string?)notification["method"] == NotificationMethods.ProgressNotification
            && token is not null && (string?)progress["progressToken"] == token
                ? onProgress!(progress)
                : ValueTask.CompletedTask,
            cancellationToken);
    }

    /// <summary>The params with the revision's per-request fields, Gatehouse's where the params carry none.</summary>
    private static JsonObject Own(JsonObject? parameters) =>
        SessionlessMeta.Stamp(parameters is null ? [] : (JsonObject)parameters.DeepClone(), capabilities: null, GatewayInfo);
}
