using Gatehouse.Gateway.Configuration;
using Gatehouse.Policy;
using Gatehouse.Policy.Json;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Policies;

/// <summary>The policy files of the configuration: where each is, and what it holds now.</summary>
internal sealed class PolicyFiles(IOptions<GatehouseOptions> options, ConfigFileLocation location)
{
    public IEnumerable<string> Upstreams => options.Value.Upstreams.Keys;

    public string PathOf(string upstream) => location.Resolve(options.Value.Upstreams[upstream].Policy!);

    /// <summary>Reads and checks one file: its text and hash, and the parse result (with every fault).</summary>
    public PolicyFile Read(string upstream) => Read(upstream, unlessSha256: null)!;

    /// <summary>
    /// Reads one file and checks it only when its hash is not <paramref name="unlessSha256"/>: null when the
    /// text is that one, so a follower that looks twice a second parses a file only when it changed.
    /// </summary>
    public PolicyFile? Read(string upstream, string? unlessSha256)
    {
        var path = PathOf(upstream);
        if (!File.Exists(path))
        {
            return new PolicyFile(upstream, path, null, null, null, [$"Gatehouse:Upstreams:{upstream}:Policy: file not found: {path}"]);
        }

        var json = File.ReadAllText(path);
        var sha256 = Sha256Hex.Of(json);
        if (sha256 == unlessSha256)
        {
            return null;
        }

        var result = PolicyParser.Parse(json);
        return new PolicyFile(upstream, path, json, sha256, result.IsValid ? result.Policy : null, [.. result.Faults.Select(f => f.ToString())]);
    }
}
