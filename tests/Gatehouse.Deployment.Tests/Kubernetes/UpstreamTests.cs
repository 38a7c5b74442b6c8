using System.Globalization;
using Gatehouse.Deployment.Tests.Configuration;
using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>The example upstream (server-everything over Streamable HTTP) is where the gateway configuration points.</summary>
public sealed class UpstreamTests
{
    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_http_upstream_url_reaches_a_service_port_of_a_container_listening_there(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var manifests = gateway.Manifests;
        var upstreams = PodConfiguration.Of(gateway).Options.Upstreams.Where(u => u.Value.Url is not null).ToList();

        Assert.NotEmpty(upstreams);
        foreach (var (name, settings) in upstreams)
        {
            var url = settings.Url!;
            var service = manifests.Named<V1Service>(url.Host);
            var port = Assert.Single(service.Spec.Ports, p => p.Port == url.Port);
            var (owner, template) = manifests.PodTemplates().Single(p => ReferenceTests.Selects(service.Spec.Selector, p.Template.Metadata.Labels));
            var container = template.Spec.Containers.Single(c => c.Ports?.Any(p => p.Name == port.TargetPort.Value) == true);
            var containerPort = container.Ports.Single(p => p.Name == port.TargetPort.Value).ContainerPort;
            var env = PodEnvironment.Resolve(manifests, owner, template, container);

            Assert.Equal(containerPort.ToString(CultureInfo.InvariantCulture), env.GetValueOrDefault("PORT"));
            Assert.True(url.AbsolutePath == "/mcp", $"upstream {name}: the example servers serve MCP at /mcp, not {url.AbsolutePath}");
        }

        Assert.Contains(upstreams, u => u.Key == "everything");
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_example_upstream_runs_the_pinned_server_everything_streamable_http_transport(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var container = manifests.Named<V1Deployment>("everything").Spec.Template.Spec.Containers.Single();

        Assert.StartsWith("node:20", container.Image, StringComparison.Ordinal);
        Assert.Equal(["npx", "-y", "@modelcontextprotocol/server-everything@2026.8.31", "streamableHttp"], container.Command.ToArray());
    }
}
