using Gatehouse.Deployment.Tests.Configuration;
using Gatehouse.Gateway.Configuration;
using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>What Microsoft.Orleans.Hosting.Kubernetes (UseKubernetesHosting) and AdoNet clustering need from the pod.</summary>
public sealed class OrleansHostingTests
{
    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_pod_knows_its_name_namespace_and_IP_from_the_downward_API(string overlay)
    {
        var env = (await GatewayWorkload.OfOverlayAsync(overlay)).Container.Env.ToDictionary(e => e.Name);

        Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom?.FieldRef?.FieldPath);
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].ValueFrom?.FieldRef?.FieldPath);
        Assert.Equal("status.podIP", env["POD_IP"].ValueFrom?.FieldRef?.FieldPath);
        Assert.Equal("status.podIP", env["Gatehouse__Cluster__AdvertisedAddress"].ValueFrom?.FieldRef?.FieldPath);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_orleans_labels_of_the_pod_are_the_service_and_cluster_ids_the_silo_uses(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var labels = gateway.Template.Metadata.Labels;
        var cluster = PodConfiguration.Of(gateway).Options.Cluster;
        var env = gateway.Environment();

        Assert.Equal(labels["orleans/serviceId"], cluster.ServiceId);
        Assert.Equal(labels["orleans/clusterId"], cluster.ClusterId);
        Assert.Equal(labels["orleans/serviceId"], env["ORLEANS_SERVICE_ID"]);
        Assert.Equal(labels["orleans/clusterId"], env["ORLEANS_CLUSTER_ID"]);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Replicas_form_one_cluster_on_PostgreSQL_membership_at_their_pod_IPs(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var cluster = PodConfiguration.Of(gateway).Options.Cluster;

        Assert.Equal(ClusteringKinds.AdoNet, cluster.Clustering);
        Assert.Equal(PodEnvironment.ExamplePodIp, cluster.AdvertisedAddress);
        Assert.False(string.IsNullOrWhiteSpace(cluster.ConnectionString));
        var fromSecret = gateway.Container.EnvFrom?.Any(e => e.SecretRef is not null && gateway.Manifests.SecretValues(e.SecretRef.Name).ContainsKey("Gatehouse__Cluster__ConnectionString")) == true
            || gateway.Container.Env.Any(e => e.Name == "Gatehouse__Cluster__ConnectionString" && e.ValueFrom?.SecretKeyRef is not null);
        Assert.True(fromSecret, "the connection string must come from a Secret");
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_pod_service_account_may_read_watch_patch_and_delete_pods_in_its_namespace(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var account = gateway.Pod.ServiceAccountName;
        var manifests = gateway.Manifests;
        var granted = manifests.All<V1RoleBinding>()
            .Where(b => b.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == account))
            .Select(b => manifests.Named<V1Role>(b.RoleRef.Name))
            .SelectMany(r => r.Rules)
            .Where(rule => rule.ApiGroups.Contains(string.Empty) && rule.Resources.Contains("pods"))
            .SelectMany(rule => rule.Verbs)
            .ToHashSet();

        Assert.False(string.IsNullOrEmpty(account));
        // get: its own pod; list + watch: the cluster's pods; delete: pods of dead silos; patch: its orleans/* labels.
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "delete", "patch" }, granted);
    }
}
