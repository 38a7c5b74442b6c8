using Gatehouse.Gateway.Catalog;
using Gatehouse.Gateway.Policies;
using Gatehouse.Upstreams;
using Orleans.Runtime;

namespace Gatehouse.Host.Admin;

/// <summary>
/// <c>GET /admin/cluster</c>: the silos as the membership table lists them (this replica marked), and, as this
/// replica holds them, each upstream's policy revision and how many of its tools the catalogue knows.
/// </summary>
internal static class ClusterEndpoint
{
    public static IResult GetAsync(IClusterMembershipService membership, ILocalSiloDetails local, UpstreamCatalog upstreams, PolicyStore policies, ToolCatalog catalog)
    {
        var snapshot = membership.CurrentSnapshot;
        return Results.Ok(new
        {
            replica = local.SiloAddress.ToParsableString(),
            membershipVersion = snapshot.Version.Value,
            silos = snapshot.Members.Values
                .OrderBy(member => member.SiloAddress.ToParsableString(), StringComparer.Ordinal)
                .Select(member => new
                {
                    address = member.SiloAddress.ToParsableString(),
                    name = member.Name,
                    status = member.Status.ToString().ToLowerInvariant(),
                    self = member.SiloAddress.Equals(local.SiloAddress),
                }),
            upstreams = upstreams.Upstreams.Keys.Order(StringComparer.Ordinal).Select(name =>
            {
                policies.TryInForce(name, out var policy);
                return new
                {
                    name,
                    policyRevision = policy?.Revision,
                    policyVersion = policy?.Version,
                    policySource = policy?.Source,
                    pinning = catalog.IsPinning(name),
                    toolsKnown = catalog.All(name).Count,
                };
            }),
        });
    }
}
