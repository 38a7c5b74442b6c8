using Gatehouse.Deployment.Tests.Infrastructure;
using Gatehouse.Policy;
using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>Policies ship as a generated ConfigMap: every file is in it, valid, and a change rolls the gateway.</summary>
public sealed class PolicyConfigMapTests
{
    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_policy_file_under_k8s_base_policies_is_mounted_into_the_gateway(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var mounted = gateway.MountedFiles().Keys.Where(k => k.StartsWith("/etc/gatehouse/policies/", StringComparison.Ordinal)).Select(Path.GetFileName).ToHashSet();
        var files = Directory.GetFiles(Repository.PathOf("k8s", "base", "policies"), "*.json").Select(Path.GetFileName).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Contains(file, mounted));
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_policy_in_the_gateway_config_maps_passes_the_app_validator(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var policies = gateway.MountedFiles().Where(f => f.Key.StartsWith("/etc/gatehouse/policies/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(policies);
        Problems.AssertNone(policies.SelectMany(policy => PolicyParser.Parse(policy.Value).Faults.Select(f => $"{policy.Key}: {f}")));
    }

    [Fact]
    public void The_validator_refuses_an_invalid_policy()
    {
        Assert.False(PolicyParser.Parse("""{ "version": "1", "default": "maybe" }""").IsValid);
    }

    [Fact]
    public async Task Changing_a_policy_renames_its_config_map_so_the_gateway_rolls()
    {
        using var copy = new TempFolder("gatehouse-k8s-");
        CopyFolder(Repository.PathOf("k8s"), copy.Combine("k8s"));
        var before = GatewayWorkload.From(await Kustomize.RenderAsync(copy.Combine("k8s", "overlays", "dev"), "dev (copy)"));
        var policyFile = Directory.GetFiles(copy.Combine("k8s", "base", "policies"), "*.json")[0];
        await File.WriteAllTextAsync(policyFile, (await File.ReadAllTextAsync(policyFile)).Replace("\"version\": \"", "\"version\": \"changed-", StringComparison.Ordinal));

        var after = GatewayWorkload.From(await Kustomize.RenderAsync(copy.Combine("k8s", "overlays", "dev"), "dev (changed policy)"));

        var policiesBefore = PoliciesVolume(before);
        var policiesAfter = PoliciesVolume(after);
        Assert.NotEqual(policiesBefore, policiesAfter);
        Assert.True(after.Manifests.Has<V1ConfigMap>(policiesAfter), "the Deployment must name the regenerated ConfigMap");
        Assert.Equal(ConfigName(before), ConfigName(after));
    }

    private static string PoliciesVolume(GatewayWorkload gateway)
    {
        var mount = gateway.Container.VolumeMounts.Single(m => m.MountPath == "/etc/gatehouse/policies");
        return gateway.Pod.Volumes.Single(v => v.Name == mount.Name).ConfigMap.Name;
    }

    private static string ConfigName(GatewayWorkload gateway)
    {
        var mount = gateway.Container.VolumeMounts.Single(m => m.MountPath == "/etc/gatehouse/gatehouse.json");
        return gateway.Pod.Volumes.Single(v => v.Name == mount.Name).ConfigMap.Name;
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
