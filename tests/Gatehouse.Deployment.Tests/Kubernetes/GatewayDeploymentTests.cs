using System.Globalization;
using Gatehouse.Deployment.Tests.Configuration;
using Gatehouse.Gateway.Configuration;
using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>The gateway Deployment against the app's contract: its ports, Orleans' Kubernetes hosting, draining, probes.</summary>
public sealed class GatewayDeploymentTests
{
    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Container_ports_are_the_ports_the_app_listens_on(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var cluster = PodConfiguration.Of(gateway).Options.Cluster;
        var httpPorts = gateway.Environment().TryGetValue("ASPNETCORE_HTTP_PORTS", out var ports) ? ports : null;

        Assert.Equal(httpPorts, gateway.ContainerPort("http").ToString(CultureInfo.InvariantCulture));
        Assert.Equal(cluster.SiloPort, gateway.ContainerPort("silo"));
        Assert.Equal(cluster.GatewayPort, gateway.ContainerPort("gateway"));
        Assert.Equal(3, gateway.Container.Ports.Count);
    }

    [Fact]
    public void The_manifests_keep_the_app_default_Orleans_ports()
    {
        // The Dockerfile's EXPOSE and the manifests' container ports are 11111 and 30000: the app's defaults.
        var defaults = new ClusterSettings();

        Assert.Equal(11111, defaults.SiloPort);
        Assert.Equal(30000, defaults.GatewayPort);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_service_sends_port_80_to_the_http_container_port(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var service = gateway.Manifests.Named<V1Service>("gatehouse");

        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal("ClusterIP", service.Spec.Type);
        Assert.Equal(80, port.Port);
        Assert.Equal("http", port.Name);
        Assert.Equal("http", port.TargetPort.Value);
        Assert.True(ReferenceTests.Selects(service.Spec.Selector, gateway.Template.Metadata.Labels));
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Probes_check_liveness_on_healthz_and_readiness_on_readyz_at_the_http_port(string overlay)
    {
        var container = (await GatewayWorkload.OfOverlayAsync(overlay)).Container;

        Assert.Equal("/healthz", container.LivenessProbe?.HttpGet?.Path);
        Assert.Equal("/readyz", container.ReadinessProbe?.HttpGet?.Path);
        Assert.Equal("/healthz", container.StartupProbe?.HttpGet?.Path);
        Assert.All(new[] { container.LivenessProbe!, container.ReadinessProbe!, container.StartupProbe! }, probe => Assert.Equal("http", probe.HttpGet.Port.Value));
        // The startup probe gives a replica time to join the cluster before liveness can restart it.
        Assert.True(container.StartupProbe!.PeriodSeconds * container.StartupProbe.FailureThreshold >= 60);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task A_replica_drains_before_it_stops(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var preStop = gateway.Container.Lifecycle?.PreStop;
        var sleep = preStop?.Sleep?.Seconds
            ?? (preStop?.Exec?.Command is { Count: 2 } command && command[0] == "sleep" ? long.Parse(command[1], CultureInfo.InvariantCulture) : 0);

        Assert.InRange(sleep, 1, 15);
        Assert.NotNull(gateway.Pod.TerminationGracePeriodSeconds);
        // preStop, then ~30 s to finish in-flight requests and leave the cluster.
        Assert.True(gateway.Pod.TerminationGracePeriodSeconds >= 45 && gateway.Pod.TerminationGracePeriodSeconds >= sleep + 30);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task A_rolling_update_never_removes_a_replica_before_its_successor_is_ready(string overlay)
    {
        var strategy = (await GatewayWorkload.OfOverlayAsync(overlay)).Deployment.Spec.Strategy;

        Assert.Equal("RollingUpdate", strategy.Type);
        Assert.Equal("0", strategy.RollingUpdate.MaxUnavailable.Value);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Replicas_prefer_different_nodes(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var term = Assert.Single(gateway.Pod.Affinity.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution).PodAffinityTerm;

        Assert.Equal("kubernetes.io/hostname", term.TopologyKey);
        Assert.True(ReferenceTests.Selects(term.LabelSelector.MatchLabels, gateway.Template.Metadata.Labels));
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_gateway_runs_as_a_non_root_user_on_a_read_only_file_system(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);

        Assert.True(gateway.Pod.SecurityContext.RunAsNonRoot);
        Assert.NotEqual(0, gateway.Pod.SecurityContext.RunAsUser);
        Assert.True(gateway.Container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.False(gateway.Container.SecurityContext.AllowPrivilegeEscalation);
        Assert.Contains(gateway.Container.VolumeMounts, m => m.MountPath == "/tmp");
    }
}
