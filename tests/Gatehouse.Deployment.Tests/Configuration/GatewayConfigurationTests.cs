using Gatehouse.Deployment.Tests.Infrastructure;
using Gatehouse.Deployment.Tests.Kubernetes;
using Gatehouse.Policy;
using k8s;
using k8s.Models;

namespace Gatehouse.Deployment.Tests.Configuration;

/// <summary>The configuration a gateway pod starts with (ConfigMap file + environment) against the app's own options and validation.</summary>
public sealed class GatewayConfigurationTests
{
    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_pod_configuration_passes_the_app_validation(string overlay)
    {
        var configuration = PodConfiguration.Of(await GatewayWorkload.OfOverlayAsync(overlay));

        Problems.AssertNone(OptionsValidation.Faults(configuration.Options));
        Assert.NotEmpty(configuration.Options.Upstreams);
        Assert.NotEmpty(configuration.Options.Grants);
        Assert.False(string.IsNullOrEmpty(configuration.Options.AdminTokenSha256));
    }

    [Fact]
    public void The_validation_used_here_rejects_what_the_app_rejects()
    {
        var options = new Gatehouse.Gateway.Configuration.GatehouseOptions();
        options.Cluster.Clustering = "AdoNet";

        Assert.Contains(OptionsValidation.Faults(options), f => f.Contains("ConnectionString", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_upstream_policy_is_a_mounted_file_that_passes_the_policy_validator(string overlay)
    {
        var configuration = PodConfiguration.Of(await GatewayWorkload.OfOverlayAsync(overlay));
        var problems = new List<string>();
        foreach (var (upstream, settings) in configuration.Options.Upstreams)
        {
            var path = configuration.ResolvePolicyPath(settings.Policy ?? string.Empty);
            if (!configuration.Files.TryGetValue(path, out var json))
            {
                problems.Add($"upstream {upstream}: policy {path} is not mounted (mounted: {string.Join(", ", configuration.Files.Keys)})");
                continue;
            }

            var result = PolicyParser.Parse(json);
            problems.AddRange(result.Faults.Select(f => $"upstream {upstream}: {path}: {f}"));
        }

        Problems.AssertNone(problems);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_environment_variable_of_a_gatehouse_container_is_one_the_app_reads(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var gateway = GatewayWorkload.From(manifests);
        var checkedNames = new List<string>();
        var problems = new List<string>();
        foreach (var (owner, template) in manifests.PodTemplates())
        {
            var gatehouseContainers = (template.Spec.InitContainers ?? []).Concat(template.Spec.Containers)
                .Where(c => c.Image == gateway.Container.Image);
            foreach (var container in gatehouseContainers)
            {
                foreach (var name in PodEnvironment.Resolve(manifests, owner, template, container).Keys)
                {
                    checkedNames.Add(name);
                    if (ConfigurationKeys.Problem(name) is { } problem)
                    {
                        problems.Add($"{owner.Metadata.Name}/{container.Name}: {problem}");
                    }
                }
            }
        }

        Assert.Contains("Gatehouse__Cluster__ConnectionString", checkedNames);
        Assert.Contains("Gatehouse__AdminTokenSha256", checkedNames);
        Problems.AssertNone(problems);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_grant_token_hash_comes_from_a_secret_not_the_config_map(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var files = gateway.MountedFiles();

        Assert.DoesNotContain(files.Values, content => content.Contains("TokenSha256", StringComparison.Ordinal));
        var secretKeys = (gateway.Container.EnvFrom ?? []).Where(e => e.SecretRef is not null)
            .SelectMany(e => gateway.Manifests.SecretValues(e.SecretRef.Name).Keys).ToHashSet();
        foreach (var grant in PodConfiguration.Of(gateway).Options.Grants.Keys)
        {
            Assert.Contains($"Gatehouse__Grants__{grant}__TokenSha256", secretKeys);
        }
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Example_secrets_are_marked_as_fake(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var secretFiles = Directory.GetFiles(Infrastructure.Repository.PathOf("k8s", "base", "secrets"));

        Assert.NotEmpty(manifests.All<V1Secret>());
        Assert.All(secretFiles, file => Assert.Contains("FAKE", File.ReadAllText(file), StringComparison.Ordinal));
    }
}
