using System.Globalization;
using System.Text.Json.Nodes;
using Gatehouse.Deployment.Tests.Infrastructure;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>Telemetry's path: gateway → collector → Tempo; Prometheus scraping the gateway and the collector; Grafana reading both.</summary>
public sealed class ObservabilityTests
{
    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_gateway_otlp_endpoint_reaches_the_collector_otlp_grpc_receiver(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var route = ServiceRoute.Follow(gateway.Manifests, gateway.Environment()["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var collector = ConfigOf(gateway.Manifests, route, "--config=");

        Assert.Equal("otel-collector", route.Owner.Metadata.Name);
        Assert.Equal(route.ContainerPort, ServiceRoute.PortOf(YamlText.Scalar(collector, "receivers", "otlp", "protocols", "grpc", "endpoint")!));
        Assert.Equal(4317, route.ContainerPort);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_collector_sends_traces_to_the_tempo_otlp_receiver(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var collector = ConfigOf(manifests, Workload(manifests, "otel-collector"), "--config=");
        var traceExporters = YamlText.Scalars(collector, "service", "pipelines", "traces", "exporters").ToList();
        var otlpExporter = Assert.Single(traceExporters, e => e.StartsWith("otlp", StringComparison.Ordinal));
        var route = ServiceRoute.Follow(manifests, YamlText.Scalar(collector, "exporters", otlpExporter, "endpoint")!);
        var tempo = ConfigOf(manifests, route, "-config.file=");

        Assert.Contains("otlp", YamlText.Scalars(collector, "service", "pipelines", "traces", "receivers"));
        Assert.Equal("tempo", route.Owner.Metadata.Name);
        Assert.Equal(route.ContainerPort, ServiceRoute.PortOf(YamlText.Scalar(tempo, "distributor", "receivers", "otlp", "protocols", "grpc", "endpoint")!));
        Assert.Equal("local", YamlText.Scalar(tempo, "storage", "trace", "backend"));
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_collector_pipeline_uses_components_the_config_defines(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var collector = ConfigOf(manifests, Workload(manifests, "otel-collector"), "--config=");
        var pipelines = (YamlMappingNode)YamlText.At(collector, "service", "pipelines")!;
        var problems = new List<string>();
        foreach (var (name, pipeline) in pipelines.Children)
        {
            foreach (var (role, sections) in new[] { ("receivers", new[] { "receivers", "connectors" }), ("processors", new[] { "processors" }), ("exporters", new[] { "exporters", "connectors" }) })
            {
                foreach (var component in YamlText.Scalars(pipeline, role))
                {
                    if (!sections.Any(section => YamlText.At(collector, section, component) is not null))
                    {
                        problems.Add($"pipeline {name} {role}: '{component}' is not defined under {string.Join(" or ", sections)}");
                    }
                }
            }
        }

        Assert.Contains("traces", pipelines.Children.Keys.Select(k => k.ToString()));
        Problems.AssertNone(problems);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Prometheus_scrapes_every_gateway_pod_at_its_http_port_and_metrics_path(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var prometheus = ConfigOf(gateway.Manifests, Workload(gateway.Manifests, "prometheus"), "--config.file=");
        var annotations = gateway.Template.Metadata.Annotations;
        var podJob = Assert.Single(YamlText.Mappings(prometheus, "scrape_configs"), job => YamlText.Mappings(job, "kubernetes_sd_configs").Any(sd => YamlText.Scalar(sd, "role") == "pod"));
        var relabels = YamlText.Mappings(podJob, "relabel_configs").ToList();

        Assert.Contains(relabels, r => YamlText.Scalar(r, "action") == "keep" && YamlText.Scalars(r, "source_labels").Contains("__meta_kubernetes_pod_annotation_prometheus_io_scrape"));
        Assert.Contains(relabels, r => YamlText.Scalar(r, "target_label") == "__metrics_path__" && YamlText.Scalars(r, "source_labels").Contains("__meta_kubernetes_pod_annotation_prometheus_io_path"));
        Assert.Contains(relabels, r => YamlText.Scalar(r, "target_label") == "__address__" && YamlText.Scalars(r, "source_labels").Contains("__meta_kubernetes_pod_annotation_prometheus_io_port"));
        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal(gateway.ContainerPort("http").ToString(CultureInfo.InvariantCulture), annotations["prometheus.io/port"]);
        Assert.Equal("/metrics", annotations["prometheus.io/path"]);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Prometheus_may_discover_pods_and_scrapes_the_collector_span_metrics(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var prometheus = Workload(manifests, "prometheus");
        var config = ConfigOf(manifests, prometheus, "--config.file=");
        var collectorConfig = ConfigOf(manifests, Workload(manifests, "otel-collector"), "--config=");
        var staticTargets = YamlText.Mappings(config, "scrape_configs")
            .SelectMany(job => YamlText.Mappings(job, "static_configs")).SelectMany(s => YamlText.Scalars(s, "targets"))
            .Where(t => !t.StartsWith("localhost:", StringComparison.Ordinal)).ToList();
        var account = prometheus.Template.Spec.ServiceAccountName;
        var verbs = manifests.All<V1RoleBinding>().Where(b => b.Subjects.Any(s => s.Name == account))
            .SelectMany(b => manifests.Named<V1Role>(b.RoleRef.Name).Rules).Where(r => r.Resources.Contains("pods")).SelectMany(r => r.Verbs).ToHashSet();

        Assert.Superset(new HashSet<string> { "list", "watch" }, verbs);
        var collectorTarget = Assert.Single(staticTargets, t => t.StartsWith("otel-collector:", StringComparison.Ordinal));
        Assert.Equal(ServiceRoute.PortOf(YamlText.Scalar(collectorConfig, "exporters", "prometheus", "endpoint")!), ServiceRoute.Follow(manifests, collectorTarget).ContainerPort);
        Assert.All(staticTargets, t => ServiceRoute.Follow(manifests, t));
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Grafana_data_sources_reach_prometheus_and_tempo_and_link_to_each_other(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var sources = GrafanaDataSources(manifests);
        var prometheus = Assert.Single(sources, s => YamlText.Scalar(s, "type") == "prometheus");
        var tempo = Assert.Single(sources, s => YamlText.Scalar(s, "type") == "tempo");

        Assert.Equal("prometheus", ServiceRoute.Follow(manifests, YamlText.Scalar(prometheus, "url")!).Owner.Metadata.Name);
        Assert.Equal("tempo", ServiceRoute.Follow(manifests, YamlText.Scalar(tempo, "url")!).Owner.Metadata.Name);
        Assert.Equal(YamlText.Scalar(tempo, "uid"), YamlText.Scalar(YamlText.Mappings(prometheus, "jsonData", "exemplarTraceIdDestinations").Single(), "datasourceUid"));
        Assert.Equal(YamlText.Scalar(prometheus, "uid"), YamlText.Scalar(tempo, "jsonData", "tracesToMetrics", "datasourceUid"));
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Grafana_provisions_the_gatehouse_dashboard_from_its_config_map(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var grafana = Workload(manifests, "grafana");
        var files = MountedFiles.Resolve(manifests, grafana.Owner, grafana.Template, grafana.Container);
        var providers = files.Where(f => f.Key.StartsWith("/etc/grafana/provisioning/dashboards/", StringComparison.Ordinal)).Select(f => YamlText.Load(f.Value)).ToList();
        var path = YamlText.Scalar(Assert.Single(providers.SelectMany(p => YamlText.Mappings(p, "providers"))), "options", "path")!;
        var dashboards = files.Where(f => f.Key.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal)).Select(f => JsonNode.Parse(f.Value)!).ToList();
        var home = PodEnvironment.Resolve(manifests, grafana.Owner, grafana.Template, grafana.Container)["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"];

        Assert.Contains(dashboards, d => d["uid"]?.GetValue<string>() == "gatehouse");
        Assert.True(files.ContainsKey(home), $"the home dashboard {home} is not mounted");
        Assert.NotEmpty(GrafanaDataSources(manifests));
    }

    internal static IReadOnlyList<YamlMappingNode> GrafanaDataSources(RenderedManifests manifests)
    {
        var grafana = Workload(manifests, "grafana");
        return [.. MountedFiles.Resolve(manifests, grafana.Owner, grafana.Template, grafana.Container)
            .Where(f => f.Key.StartsWith("/etc/grafana/provisioning/datasources/", StringComparison.Ordinal))
            .SelectMany(f => YamlText.Mappings(YamlText.Load(f.Value), "datasources"))];
    }

    internal static JsonNode GatehouseDashboard(RenderedManifests manifests)
    {
        var grafana = Workload(manifests, "grafana");
        return MountedFiles.Resolve(manifests, grafana.Owner, grafana.Template, grafana.Container)
            .Where(f => f.Key.StartsWith("/etc/grafana/dashboards/", StringComparison.Ordinal))
            .Select(f => JsonNode.Parse(f.Value)!)
            .Single(d => d["uid"]?.GetValue<string>() == "gatehouse");
    }

    private static ServiceRoute Workload(RenderedManifests manifests, string deployment)
    {
        var owner = manifests.Named<V1Deployment>(deployment);
        var container = owner.Spec.Template.Spec.Containers[0];
        return new ServiceRoute(new V1Service(), owner, owner.Spec.Template, container, container.Ports?.FirstOrDefault()?.ContainerPort ?? 0);
    }

    /// <summary>The YAML configuration file a container is started with (<c>--flag=PATH</c>), read from its mounted ConfigMap.</summary>
    private static YamlMappingNode ConfigOf(RenderedManifests manifests, ServiceRoute route, string flag)
    {
        var argument = route.Container.Args?.SingleOrDefault(a => a.StartsWith(flag, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{route.Owner.Metadata.Name} is not started with {flag}PATH");
        var path = argument[flag.Length..];
        var files = MountedFiles.Resolve(manifests, route.Owner, route.Template, route.Container);
        return files.TryGetValue(path, out var text)
            ? YamlText.Load(text)
            : throw new InvalidOperationException($"{route.Owner.Metadata.Name}: {path} is not mounted; mounted: {string.Join(", ", files.Keys)}");
    }
}
