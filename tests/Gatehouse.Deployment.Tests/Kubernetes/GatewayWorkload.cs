using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>The gateway's Deployment and its main container in a rendered overlay.</summary>
internal sealed class GatewayWorkload
{
    public const string DeploymentName = "gatehouse";

    public const string ContainerName = "gatehouse";

    private GatewayWorkload(RenderedManifests manifests, V1Deployment deployment, V1Container container)
    {
        Manifests = manifests;
        Deployment = deployment;
        Container = container;
    }

    public RenderedManifests Manifests { get; }

    public V1Deployment Deployment { get; }

    public V1PodTemplateSpec Template => Deployment.Spec.Template;

    public V1PodSpec Pod => Deployment.Spec.Template.Spec;

    public V1Container Container { get; }

    public static GatewayWorkload From(RenderedManifests manifests)
    {
        var deployment = manifests.Named<V1Deployment>(DeploymentName);
        var container = deployment.Spec.Template.Spec.Containers.SingleOrDefault(c => c.Name == ContainerName)
            ?? throw new InvalidOperationException($"{manifests}: the Deployment '{DeploymentName}' has no container named '{ContainerName}'.");
        return new GatewayWorkload(manifests, deployment, container);
    }

    public static async Task<GatewayWorkload> OfOverlayAsync(string overlay) => From(await Kustomize.OverlayAsync(overlay));

    public int ContainerPort(string name) =>
        Container.Ports.SingleOrDefault(p => p.Name == name)?.ContainerPort
            ?? throw new InvalidOperationException($"{Manifests}: the gateway container declares no port named '{name}'.");

    /// <summary>The environment the container gets, resolved as the kubelet would (see <see cref="PodEnvironment"/>).</summary>
    public IReadOnlyDictionary<string, string> Environment() => PodEnvironment.Resolve(Manifests, Deployment, Template, Container);

    /// <summary>The files the container sees from ConfigMaps and Secrets, by absolute path.</summary>
    public IReadOnlyDictionary<string, string> MountedFiles() => Kubernetes.MountedFiles.Resolve(Manifests, Deployment, Template, Container);
}
