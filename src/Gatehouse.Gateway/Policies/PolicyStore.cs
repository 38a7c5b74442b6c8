using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Policy;
using Gatehouse.Telemetry;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Policies;

/// <summary>
/// The policy in force for each upstream on this replica. Filled from the policy files before the
/// gateway serves (a replica with an invalid policy does not start), then kept in step with the
/// cluster's policy grains by <see cref="PolicySync"/>.
/// </summary>
internal sealed class PolicyStore
{
    private readonly ConcurrentDictionary<string, PolicyInForce> _policies = new(StringComparer.Ordinal);
    private readonly IOptions<GatehouseOptions> _options;
    private readonly PolicyFiles _files;

    public PolicyStore(IOptions<GatehouseOptions> options, PolicyFiles files, GatehouseMetrics metrics)
    {
        _options = options;
        _files = files;
        metrics.Meter.CreateObservableGauge(
            "gatehouse.policy.loaded",
            () => _policies.Select(pair => new Measurement<long>(pair.Value.Revision, new(TelemetryAttributes.Upstream, pair.Key), new(TelemetryAttributes.PolicyVersion, pair.Value.Version))),
            "{revision}",
            "The revision of each upstream's policy in force, labelled with its version.");
    }

    /// <summary>True once every upstream's policy is loaded.</summary>
    public bool IsComplete => _policies.Count == _options.Value.Upstreams.Count;

    public PolicyDocument Get(string upstream) => InForce(upstream).Document;

    public PolicyInForce InForce(string upstream) =>
        _policies.TryGetValue(upstream, out var policy)
            ? policy
            : throw new InvalidOperationException($"No policy is loaded for upstream '{upstream}'.");

    public bool TryInForce(string upstream, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PolicyInForce? policy) =>
        _policies.TryGetValue(upstream, out policy);

    /// <summary>Enforces <paramref name="policy"/> from now on, unless a later revision already is.</summary>
    public bool Adopt(string upstream, PolicyInForce policy)
    {
        while (true)
        {
            if (!_policies.TryGetValue(upstream, out var current))
            {
                if (_policies.TryAdd(upstream, policy))
                {
                    return true;
                }

                continue;
            }

            if (current.Revision >= policy.Revision && current.Revision > 0)
            {
                return false;
            }

            if (_policies.TryUpdate(upstream, policy, current))
            {
                return true;
            }
        }
    }

    /// <summary>Loads every upstream's policy file (revision 0 until the cluster confirms it).</summary>
    /// <exception cref="PolicyLoadException">A file is missing or invalid; the message names each fault's path.</exception>
    public void LoadAll()
    {
        var problems = new List<string>();
        foreach (var upstream in _files.Upstreams)
        {
            var file = _files.Read(upstream);
            if (file.Document is null)
            {
                problems.AddRange(file.Faults.Select(fault => file.Json is null ? fault : $"policy of upstream '{upstream}' ({file.Path}): {fault}"));
                continue;
            }

            Adopt(upstream, new PolicyInForce(file.Document, file.Json!, 0, "file"));
        }

        if (problems.Count > 0)
        {
            throw new PolicyLoadException(problems);
        }
    }
}
