namespace Gatehouse.Policy;

/// <summary>One upstream's policy, as parsed by <see cref="PolicyParser"/>. Immutable and safe to share.</summary>
public sealed class PolicyDocument
{
    private IReadOnlyDictionary<string, LimitRule>? _counters;

    /// <summary>The document's <c>version</c>, recorded with every decision.</summary>
    public required string Version { get; init; }

    /// <summary>What happens to tools absent from <see cref="Tools"/>; default <see cref="DefaultAction.Deny"/>.</summary>
    public required DefaultAction Default { get; init; }

    /// <summary>The <c>risk_defaults</c>: what tools absent from <see cref="Tools"/> get, by their risk, in place of
    /// <see cref="Default"/>. Applies only when the tool's risk is known (its <see cref="ToolDescription"/> is given);
    /// empty when the document has none.</summary>
    public IReadOnlyDictionary<RiskLevel, RiskDefault> RiskDefaults { get; init; } = new Dictionary<RiskLevel, RiskDefault>();

    /// <summary>The <c>all_tools.limits</c>, charged on every admitted call before the tool's own limits.</summary>
    public required IReadOnlyList<LimitRule> AllToolsLimits { get; init; }

    /// <summary>The per-tool rules, keyed by tool name (ordinal, case-sensitive).</summary>
    public required IReadOnlyDictionary<string, ToolRule> Tools { get; init; }

    /// <summary>Every counter the document declares, with its rule. A counter declared in several places has
    /// one definition (the parser refuses documents where they differ); the first declaration is returned.</summary>
    public IReadOnlyDictionary<string, LimitRule> Counters => _counters ??= CollectCounters();

    /// <summary>The rule for <paramref name="name"/>, or null when the tool falls to <see cref="Default"/>.</summary>
    public ToolRule? FindTool(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Tools.TryGetValue(name, out var rule) ? rule : null;
    }

    /// <summary>What an unlisted tool described by <paramref name="description"/> gets by its risk, or null when the
    /// description is absent or <see cref="RiskDefaults"/> says nothing about its risk (then <see cref="Default"/> applies).</summary>
    public RiskDefault? FindRiskDefault(ToolDescription? description) =>
        description is null || RiskDefaults.Count == 0
            ? null
            : RiskDefaults.GetValueOrDefault(ToolRisk.Classify(description).Risk);

    // Computed on first use: the document is immutable, so a racing second computation yields the same map.
    private Dictionary<string, LimitRule> CollectCounters()
    {
        var counters = new Dictionary<string, LimitRule>(StringComparer.Ordinal);
        foreach (var limit in AllToolsLimits.Concat(Tools.Values.SelectMany(tool => tool.Limits)))
        {
            counters.TryAdd(limit.Counter, limit);
        }

        return counters;
    }
}
