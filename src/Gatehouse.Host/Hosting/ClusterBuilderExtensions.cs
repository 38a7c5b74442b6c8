using Gatehouse.Host.Configuration;
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

            if (settings.Clustering == ClusteringKinds.Localhost)
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            }
        });
    }
}
