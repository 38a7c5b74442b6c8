using Gatehouse.Deployment.Tests.Infrastructure;
using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>What one object names exists in the same render: a dangling name fails only in a cluster, so fail it here.</summary>
public sealed class ReferenceTests
{
    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_service_selects_pods_that_declare_its_target_port(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var problems = new List<string>();
        foreach (var service in manifests.All<V1Service>())
        {
            var pods = manifests.PodTemplates().Where(p => Selects(service.Spec.Selector, p.Template.Metadata.Labels)).ToList();
            if (pods.Count == 0)
            {
                problems.Add($"Service {service.Metadata.Name} selects no pod template");
                continue;
            }

            foreach (var port in service.Spec.Ports)
            {
                var target = port.TargetPort?.Value ?? port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var declared = pods.SelectMany(p => p.Template.Spec.Containers).SelectMany(c => c.Ports ?? [])
                    .Any(p => p.Name == target || p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == target);
                if (!declared)
                {
                    problems.Add($"Service {service.Metadata.Name} port {port.Name} targets '{target}', which no selected container declares");
                }
            }
        }

        Problems.AssertNone(problems);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_workload_selector_matches_its_own_pod_template(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var selectors = manifests.All<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Selector, d.Spec.Template))
            .Concat(manifests.All<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Selector, s.Spec.Template)));

        Assert.All(selectors, s => Assert.True(Selects(s.Selector.MatchLabels, s.Template.Metadata.Labels), $"{s.Name}'s selector does not match its pod template"));
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_config_map_secret_and_volume_a_container_uses_exists(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var problems = new List<string>();
        foreach (var (owner, template) in manifests.PodTemplates())
        {
            foreach (var container in (template.Spec.InitContainers ?? []).Concat(template.Spec.Containers))
            {
                try
                {
                    PodEnvironment.Resolve(manifests, owner, template, container);
                    MountedFiles.Resolve(manifests, owner, template, container);
                }
                catch (InvalidOperationException ex)
                {
                    problems.Add($"{owner.Metadata.Name}/{container.Name}: {ex.Message}");
                }
            }

            foreach (var volume in template.Spec.Volumes ?? [])
            {
                if (volume.ConfigMap is { } configMap && !manifests.Has<V1ConfigMap>(configMap.Name))
                {
                    problems.Add($"{owner.Metadata.Name}: volume {volume.Name} names ConfigMap {configMap.Name}, which is not rendered");
                }

                if (volume.Secret is { } secret && !manifests.Has<V1Secret>(secret.SecretName))
                {
                    problems.Add($"{owner.Metadata.Name}: volume {volume.Name} names Secret {secret.SecretName}, which is not rendered");
                }
            }
        }

        Problems.AssertNone(problems);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_service_account_and_role_binding_refers_to_objects_that_exist(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var problems = new List<string>();
        foreach (var (owner, template) in manifests.PodTemplates())
        {
            if (template.Spec.ServiceAccountName is { } account && !manifests.Has<V1ServiceAccount>(account))
            {
                problems.Add($"{owner.Metadata.Name} runs as ServiceAccount {account}, which is not rendered");
            }
        }

        foreach (var binding in manifests.All<V1RoleBinding>())
        {
            if (binding.RoleRef.Kind != "Role" || !manifests.Has<V1Role>(binding.RoleRef.Name))
            {
                problems.Add($"RoleBinding {binding.Metadata.Name} refers to {binding.RoleRef.Kind} {binding.RoleRef.Name}, which is not rendered");
            }

            foreach (var subject in binding.Subjects)
            {
                if (subject.Kind == "ServiceAccount" && (!manifests.Has<V1ServiceAccount>(subject.Name) || subject.NamespaceProperty != binding.Metadata.NamespaceProperty))
                {
                    problems.Add($"RoleBinding {binding.Metadata.Name} binds ServiceAccount {subject.NamespaceProperty}/{subject.Name}, which is not rendered in its namespace");
                }
            }
        }

        Problems.AssertNone(problems);
    }

    internal static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
