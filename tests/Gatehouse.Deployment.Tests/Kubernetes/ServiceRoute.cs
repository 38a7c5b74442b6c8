using k8s;
using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>Where an in-cluster address (<c>service:port</c>) leads: the Service, and the container port its target names.</summary>
internal sealed record ServiceRoute(V1Service Service, IKubernetesObject<V1ObjectMeta> Owner, V1PodTemplateSpec Template, V1Container Container, int ContainerPort)
{
    /// <summary>Follows <paramref name="host"/>:<paramref name="port"/> to a container, or fails saying where the trail ends.</summary>
    public static ServiceRoute Follow(RenderedManifests manifests, string host, int port)
    {
        var serviceName = host.Split('.')[0];
        var service = manifests.Named<V1Service>(serviceName);
        var servicePort = service.Spec.Ports.SingleOrDefault(p => p.Port == port)
            ?? throw new InvalidOperationException($"{manifests}: Service {serviceName} has no port {port}; it has {string.Join(", ", service.Spec.Ports.Select(p => p.Port))}.");
        var target = servicePort.TargetPort?.Value ?? port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (owner, template) in manifests.PodTemplates().Where(p => ReferenceTests.Selects(service.Spec.Selector, p.Template.Metadata.Labels)))
        {
            foreach (var container in template.Spec.Containers)
            {
                var match = container.Ports?.FirstOrDefault(p => p.Name == target || p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == target);
                if (match is not null)
                {
                    return new ServiceRoute(service, owner, template, container, match.ContainerPort);
                }
            }
        }

        throw new InvalidOperationException($"{manifests}: Service {serviceName} port {port} targets '{target}', which no selected container declares.");
    }

    /// <summary>Follows an address written as <c>scheme://host:port/...</c> or <c>host:port</c>.</summary>
    public static ServiceRoute Follow(RenderedManifests manifests, string address)
    {
        var uri = address.Contains("://", StringComparison.Ordinal) ? new Uri(address) : new Uri("tcp://" + address);
        return Follow(manifests, uri.Host, uri.Port);
    }

    /// <summary>The port of an address such as <c>0.0.0.0:4317</c>, <c>:4317</c> or <c>http://host:4317</c>.</summary>
    public static int PortOf(string address) => int.Parse(address[(address.LastIndexOf(':') + 1)..].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
}
