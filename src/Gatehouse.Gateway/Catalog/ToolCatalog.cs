using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Gatehouse.Grains.Pins;
using Gatehouse.Policy;
using Gatehouse.Policy.Tools;
using Gatehouse.Upstreams;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Catalog;

/// <summary>
/// Every upstream's tools as this replica knows them: their definitions and risk (for <c>risk_defaults</c>
/// and <c>/admin/tools</c>) and their pins (the rug-pull defence). Each <c>tools/list</c> that passes
/// through is observed: a tool seen for the first time, or with a definition other than its pin, is
/// reported to the upstream's <see cref="IToolPinGrain"/>, the cluster's record. Pins come back from the
/// grain here and through <see cref="PinSync"/>, so a change seen or accepted on one replica holds on all.
/// A call of a tool this replica has not seen listed lists the upstream first (at most every few seconds);
/// a list older than a minute is renewed in the background by the next call.
/// </summary>
internal sealed partial class ToolCatalog(IGrainFactory grains, UpstreamCatalog upstreams, UpstreamChannels channels, TimeProvider time, ILogger<ToolCatalog> logger)
{
    /// <summary>A call renews (in the background) an upstream's list last seen longer ago than this.</summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromSeconds(60);

    /// <summary>Calls of unknown tools list the upstream at most this often.</summary>
    public static readonly TimeSpan MinListInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, UpstreamTools> _upstreams = new(StringComparer.Ordinal);

    /// <summary>Whether changed definitions of this upstream's tools are hidden and refused.</summary>
    public bool IsPinning(string upstream) => upstreams.Upstreams.TryGetValue(upstream, out var options) && options.Pin;

    /// <summary>
    /// Whether the upstream lists the tool as one that may run as a task (<c>execution.taskSupport</c> optional or
    /// required, 2025-11-25), as last seen. Not part of the pinned definition: it says how a call runs, not what it does.
    /// </summary>
    /// <remarks>
    /// Only this replica's own listing says so (a definition known from the shared pins does not): a tool it has not
    /// seen listed yet is listed first.
    /// </remarks>
    public async ValueTask<bool> RunsAsTaskAsync(string upstream, string tool, CancellationToken cancellationToken)
    {
        var state = State(upstream);
        if (!state.TaskTools.ContainsKey(tool))
        {
            await ListAsync(upstream, cancellationToken);
        }

        return state.TaskTools.TryGetValue(tool, out var runsAsTask) && runsAsTask;
    }

    public CatalogedTool? Find(string upstream, string tool) =>
        _upstreams.TryGetValue(upstream, out var state) && state.Tools.TryGetValue(tool, out var found) ? found : null;

    /// <summary>The upstream's tools by name, as far as seen.</summary>
    public IReadOnlyList<CatalogedTool> All(string upstream) =>
        _upstreams.TryGetValue(upstream, out var state) ? [.. state.Tools.Values.OrderBy(t => t.Definition.Name, StringComparer.Ordinal)] : [];

    /// <summary>The etag of the pins this replica holds for the upstream.</summary>
    /// <summary>How this replica last found the upstream when it listed its tools (its health as far as this replica knows).</summary>
    public UpstreamListing Listing(string upstream)
    {
        if (!_upstreams.TryGetValue(upstream, out var state))
        {
            return UpstreamListing.Never;
        }

        // When it last listed well, from the timestamp that also decides renewals.
        var listedAt = state.ListedAt == 0 ? (DateTimeOffset?)null : time.GetUtcNow() - time.GetElapsedTime(state.ListedAt);
        return state.LastFailure is { } failure ? new UpstreamListing(listedAt, failure.At, failure.Why) : new UpstreamListing(listedAt, null, null);
    }

    public string? PinsEtag(string upstream) => _upstreams.TryGetValue(upstream, out var state) ? state.Pins?.Etag : null;

    /// <summary>The tool for a call: what is known, after listing the upstream if the tool has not been seen.</summary>
    public async ValueTask<CatalogedTool?> LookupAsync(string upstream, string tool, CancellationToken cancellationToken)
    {
        var state = State(upstream);
        if (state.Tools.TryGetValue(tool, out var found))
        {
            if (time.GetElapsedTime(state.ListedAt) > RenewAfter)
            {
                _ = ListAsync(upstream, CancellationToken.None);
            }

            return found;
        }

        await ListAsync(upstream, cancellationToken);
        return Find(upstream, tool);
    }

    /// <summary>Lists the upstream (every page, through the gateway's own connection) and observes the tools.</summary>
    public Task ListAsync(string upstream, CancellationToken cancellationToken)
    {
        var state = State(upstream);
        lock (state.Gate)
        {
            if (state.Listing is { IsCompleted: false } running)
            {
                return running.WaitAsync(cancellationToken);
            }

            if (state.ListStartedAt != 0 && time.GetElapsedTime(state.ListStartedAt) < MinListInterval)
            {
                return Task.CompletedTask;
            }

            state.ListStartedAt = time.GetTimestamp();
            state.Listing = ListAllPagesAsync(upstream);
            return state.Listing.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Records the tools of one <c>tools/list</c> page the upstream served.</summary>
    public async Task ObserveAsync(string upstream, JsonArray? tools)
    {
        var state = State(upstream);
        state.ListedAt = time.GetTimestamp();
        state.LastFailure = null;
        foreach (var tool in (tools ?? []).OfType<JsonObject>())
        {
            if (tool["name"] is JsonValue name && name.TryGetValue<string>(out var toolName))
            {
                state.TaskTools[toolName] = tool["execution"]?["taskSupport"] is JsonValue support
                    && support.TryGetValue<string>(out var taskSupport) && taskSupport is "optional" or "required";
            }
        }

        var definitions = (tools ?? []).OfType<JsonObject>().Select(PinnedDefinition.From).OfType<PinnedDefinition>()
            .Select(d => new ToolDefinition(d.Name, d.Sha256, d.Json)).ToList();
        var news = definitions.Where(d => !state.Tools.TryGetValue(d.Name, out var known) || IsNews(known.Pin, d)).ToList();
        if (news.Count == 0)
        {
            return;
        }

        try
        {
            Adopt(upstream, await grains.GetGrain<IToolPinGrain>(upstream).ObserveAsync(news));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The catalogue is out of reach: the tools are still described (for risk), just not pinned yet.
            Log.ObserveFailed(logger, upstream, ex.GetType().Name, ex.Message);
            lock (state.Gate)
            {
                foreach (var definition in news)
                {
                    state.Unpinned[definition.Name] = definition;
                }

                Rebuild(upstream, state);
            }
        }
    }

    /// <summary>Takes the cluster's pins of the upstream.</summary>
    public void Adopt(string upstream, PinSnapshot snapshot)
    {
        var state = State(upstream);
        lock (state.Gate)
        {
            if (state.Pins?.Etag == snapshot.Etag)
            {
                return;
            }

            state.Pins = snapshot;
            foreach (var pin in snapshot.Pins)
            {
                state.Unpinned.Remove(pin.Tool);
            }

            Rebuild(upstream, state);
        }
    }

    // The grain must hear of a definition it does not hold, and of a pending change the upstream took back.
    private static bool IsNews(ToolPin? pin, ToolDefinition seen) =>
        pin is null
        || (pin.Pinned.Sha256 == seen.Sha256 ? pin.Pending is not null : pin.Pending?.Sha256 != seen.Sha256);

    private async Task ListAllPagesAsync(string upstream)
    {
        if (!channels.TryGet(upstream, out var channel))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(ListTimeout);
            string? cursor = null;
            do
            {
                var parameters = cursor is null ? null : new JsonObject { ["cursor"] = cursor };
                var page = await channel.SendAsync(RequestMethods.ToolsList, parameters, null, timeout.Token);
                await ObserveAsync(upstream, page?["tools"] as JsonArray);
                cursor = (string?)page?["nextCursor"];
            }
            while (cursor is not null);
        }
        catch (Exception ex) when (ex is UpstreamException or OperationCanceledException or InvalidOperationException)
        {
            Log.ListFailed(logger, upstream, ex.GetType().Name, ex.Message);
            var state = State(upstream);
            state.LastFailure = new ListingFailure(time.GetUtcNow(), $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private void Rebuild(string upstream, UpstreamTools state)
    {
        var pinning = IsPinning(upstream);
        var tools = new Dictionary<string, CatalogedTool>(StringComparer.Ordinal);
        foreach (var definition in state.Unpinned.Values)
        {
            tools[definition.Name] = Catalogue(definition, null, false);
        }

        foreach (var pin in state.Pins?.Pins ?? [])
        {
            tools[pin.Tool] = Catalogue(pin.Pending ?? pin.Pinned, pin, pinning && pin.Pending is not null);
        }

        state.Tools = tools.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static CatalogedTool Catalogue(ToolDefinition definition, ToolPin? pin, bool changed)
    {
        var description = PinnedDefinition.Describe(definition.Name, definition.Json);
        return new CatalogedTool(definition, description, ToolRisk.Classify(description), pin, changed);
    }

    private UpstreamTools State(string upstream) => _upstreams.GetOrAdd(upstream, static _ => new UpstreamTools());

    private sealed record ListingFailure(DateTimeOffset At, string Why);

    private sealed class UpstreamTools
    {
        public readonly Lock Gate = new();
        public readonly Dictionary<string, ToolDefinition> Unpinned = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, bool> TaskTools = new(StringComparer.Ordinal);
        public volatile FrozenDictionary<string, CatalogedTool> Tools = FrozenDictionary<string, CatalogedTool>.Empty;
        public PinSnapshot? Pins;
        public long ListedAt;
        /// <summary>The last failed listing, until a page of tools comes back again.</summary>
        public volatile ListingFailure? LastFailure;
        public long ListStartedAt;
        public Task? Listing;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1900, Level = LogLevel.Warning, Message = "Could not record the tools of {Upstream} in the tool catalogue ({ErrorType}: {Error}); they are not pinned yet")]
        public static partial void ObserveFailed(ILogger logger, string upstream, string errorType, string error);

        [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "Could not list the tools of {Upstream} ({ErrorType}: {Error})")]
        public static partial void ListFailed(ILogger logger, string upstream, string errorType, string error);
    }
}
