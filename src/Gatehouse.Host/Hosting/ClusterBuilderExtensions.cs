using System.Net;
using Gatehouse.Gateway.Configuration;
using Orleans.Configuration;

namespace Gatehouse.Host.Hosting;

/// <summary>Makes the replica an Orleans silo of the configured cluster.</summary>
internal static class ClusterBuilderExtensions
{
    public static void AddGatehouseCluster(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection($"{GatehouseOptions.SectionName}:Cluster").Get<ClusterSettings>() ?? new ClusterSettings();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = settings.ClusterId;
                cluster.ServiceId = settings.ServiceId;
            });

            if (KubernetesPod.IsPresent(builder.Configuration))
            {
                // In a pod: cluster and service ids from the pod's orleans/* labels, endpoints from its IP,
                // and pods of silos declared dead are deleted. Membership itself stays on PostgreSQL.
                silo.UseKubernetesHosting();
            }

            if (settings.Clustering == ClusteringKinds.AdoNet)
            {
                silo.UseAdoNetClustering(adoNet =>
                {
                    adoNet.Invariant = "Npgsql";
                    adoNet.ConnectionString = settings.ConnectionString;
                });
                silo.ConfigureEndpoints(AdvertisedAddress(settings), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
                silo.Configure<ClusterMembershipOptions>(ClusterTimings.Apply);
                silo.Configure<GrainDirectoryOptions>(ClusterTimings.Apply);
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            }

            // Grain calls carry the trace: a counter decision on another silo shows in the agent's trace.
            silo.AddActivityPropagation();
            silo.AddIncomingGrainCallFilter<StoreFailureFilter>();

            // A call to a grain whose silo just left is sent again where the grain is now, when that is safe.
            silo.AddOutgoingGrainCallFilter<SiloDepartureResendFilter>();

            // The strongly consistent in-cluster directory: while membership changes, a grain (a counter
            // above all) never has two live activations, which would each admit a full budget.
#pragma warning disable ORLEANSEXP003 // Experimental in Orleans 10; chosen for its consistency guarantee.
            silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        });
    }

    private static IPAddress AdvertisedAddress(ClusterSettings settings) =>
        settings.AdvertisedAddress is { Length: > 0 } address ? IPAddress.Parse(address) : IPAddress.Loopback;
}
