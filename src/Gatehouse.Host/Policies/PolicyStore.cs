using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Gatehouse.Host.Configuration;
using Gatehouse.Policy;
using Gatehouse.Telemetry;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Policies;

/// <summary>The policy in force for each upstream. Loaded before the gateway serves; a replica with an invalid policy does not start.</summary>
internal sealed class PolicyStore
{
    private readonly ConcurrentDictionary<string, PolicyDocument> _policies = new(StringComparer.Ordinal);
    private readonly IOptions<GatehouseOptions> _options;
    private readonly ConfigFileLocation _location;

    public PolicyStore(IOptions<GatehouseOptions> options, ConfigFileLocation location)
    {
        _options = options;
        _location = location;
        GatehouseTelemetry.Meter.CreateObservableGauge(
            "gatehouse.policy.loaded",
            () => _policies.Select(pair => new Measurement<int>(1, new(TelemetryAttributes.Upstream, pair.Key), new(TelemetryAttributes.PolicyVersion, pair.Value.Version))),
            "{policy}",
            "1 for each upstream's policy in force, labelled with its version.");
    }

    /// <summary>True once every upstream's policy is loaded.</summary>
    public bool IsComplete => _policies.Count == _options.Value.Upstreams.Count;

    public PolicyDocument Get(string upstream) =>
        _policies.TryGetValue(upstream, out var policy)
            ? policy
            : throw new InvalidOperationException($"No policy is loaded for upstream '{upstream}'.");

    /// <summary>Loads every upstream's policy file.</summary>
    /// <exception cref="PolicyLoadException">A file is missing or invalid; the message names each fault's path.</exception>
    public void LoadAll()
    {
        var problems = new List<string>();
        foreach (var (upstream, settings) in _options.Value.Upstreams)
        {
            var path = _location.Resolve(settings.Policy!);
            if (!File.Exists(path))
            {
                problems.Add($"Gatehouse:Upstreams:{upstream}:Policy: file not found: {path}");
                continue;
            }

            var result = PolicyParser.Parse(File.ReadAllText(path));
            if (result.IsValid)
            {
                _policies[upstream] = result.Policy!;
            }
            else
            {
                problems.AddRange(result.Faults.Select(fault => $"policy of upstream '{upstream}' ({path}): {fault}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new PolicyLoadException(problems);
        }
    }
}
