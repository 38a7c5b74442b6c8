using Gatehouse.Gateway.Catalog;
using Gatehouse.Gateway.Policies;
using Gatehouse.Grains.Replicas;
using Gatehouse.Upstreams;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Gatehouse.Host.Admin;

/// <summary>
/// <c>GET /admin/cluster</c>: the silos as the membership table lists them (this replica marked), each active one with
/// its own report (each upstream's policy revision and how its last listing went, asked of a grain placed on that
/// silo), and, as this replica holds them, each upstream's policy revision and how many of its tools the catalogue knows.
/// </summary>
internal static class ClusterEndpoint
{
    /// <summary>How long a silo may take to report before the page shows it as not answering.</summary>
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(3);

    public static async Task<IResult> GetAsync(IClusterMembershipService membership, ILocalSiloDetails local, UpstreamCatalog upstreams, PolicyStore policies, ToolCatalog catalog, IGrainFactory grains)
    {
        var snapshot = membership.CurrentSnapshot;
        var members = snapshot.Members.Values.OrderBy(member => member.SiloAddress.ToParsableString(), StringComparer.Ordinal).ToList();
        var reports = await Task.WhenAll(members.Select(member => member.Status == SiloStatus.Active
            ? ReportOfAsync(grains, member.SiloAddress)
            : Task.FromResult<object?>(null)));
        return Results.Ok(new
        {
            replica = local.SiloAddress.ToParsableString(),
            membershipVersion = snapshot.Version.Value,
            silos = members.Select((member, index) => new
            {
                address = member.SiloAddress.ToParsableString(),
                name = member.Name,
                status = member.Status.ToString().ToLowerInvariant(),
                self = member.SiloAddress.Equals(local.SiloAddress),
                report = reports[index],
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

    /// <summary>The silo's own report, or why there is none.</summary>
    private static async Task<object?> ReportOfAsync(IGrainFactory grains, SiloAddress silo)
    {
        // The hint places a new activation on the silo the key names (the grain refuses to speak for another).
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        try
        {
            var report = await grains.GetGrain<IReplicaGrain>(silo.ToParsableString()).ReportAsync().AsTask().WaitAsync(ReportTimeout);
            return report is null ? new { error = "The report was not made on this silo; ask again." } : report;
        }
        catch (TimeoutException)
        {
            return new { error = $"No report within {ReportTimeout.TotalSeconds:0} s." };
        }
        catch (Exception ex) when (ex is SiloUnavailableException or OrleansException)
        {
            return new { error = $"{ex.GetType().Name}: {ex.Message}" };
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }
}
