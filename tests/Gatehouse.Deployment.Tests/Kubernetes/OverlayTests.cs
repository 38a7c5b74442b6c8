using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>What differs between the overlays: replicas, autoscaling, disruption budget, resources.</summary>
public sealed class OverlayTests
{
    [Fact]
    public async Task Dev_runs_one_small_replica_without_autoscaler_or_disruption_budget()
    {
        var dev = await GatewayWorkload.OfOverlayAsync("dev");
        var prod = await GatewayWorkload.OfOverlayAsync("prod");

        Assert.Equal(1, dev.Deployment.Spec.Replicas);
        Assert.Empty(dev.Manifests.All<V2HorizontalPodAutoscaler>());
        Assert.Empty(dev.Manifests.All<V1PodDisruptionBudget>());
        Assert.True(
            dev.Container.Resources.Requests["memory"].ToDecimal() < prod.Container.Resources.Requests["memory"].ToDecimal(),
            "dev should request less memory than prod");
    }

    [Fact]
    public async Task Prod_autoscales_between_three_and_ten_replicas_on_cpu()
    {
        var prod = await GatewayWorkload.OfOverlayAsync("prod");
        var hpa = prod.Manifests.Named<V2HorizontalPodAutoscaler>("gatehouse");

        Assert.Equal("Deployment", hpa.Spec.ScaleTargetRef.Kind);
        Assert.Equal(prod.Deployment.Metadata.Name, hpa.Spec.ScaleTargetRef.Name);
        Assert.Equal(3, hpa.Spec.MinReplicas);
        Assert.Equal(10, hpa.Spec.MaxReplicas);
        var metric = Assert.Single(hpa.Spec.Metrics);
        Assert.Equal("cpu", metric.Resource.Name);
        Assert.Equal("Utilization", metric.Resource.Target.Type);
        // Utilization is relative to the request, so the container must request CPU.
        Assert.True(prod.Container.Resources.Requests.ContainsKey("cpu"));
        // The autoscaler owns the replica count; a count in the manifest would reset it on every apply.
        Assert.Null(prod.Deployment.Spec.Replicas);
    }

    [Fact]
    public async Task Prod_keeps_two_replicas_available_through_voluntary_disruptions()
    {
        var prod = await GatewayWorkload.OfOverlayAsync("prod");
        var pdb = prod.Manifests.Named<V1PodDisruptionBudget>("gatehouse");
        var hpa = prod.Manifests.Named<V2HorizontalPodAutoscaler>("gatehouse");

        Assert.Equal("2", pdb.Spec.MinAvailable.Value);
        Assert.True(ReferenceTests.Selects(pdb.Spec.Selector.MatchLabels, prod.Template.Metadata.Labels));
        Assert.True(hpa.Spec.MinReplicas > 2, "with minAvailable 2, fewer than 3 replicas would block every node drain");
    }

    [Fact]
    public async Task Prod_pulls_the_gateway_image_from_a_registry_at_a_fixed_tag()
    {
        var prod = await GatewayWorkload.OfOverlayAsync("prod");

        Assert.Contains('/', prod.Container.Image);
        Assert.True(ImageReference.IsPinned(prod.Container.Image));
        Assert.All(prod.Pod.InitContainers, c => Assert.Equal(prod.Container.Image, c.Image));
    }
}
