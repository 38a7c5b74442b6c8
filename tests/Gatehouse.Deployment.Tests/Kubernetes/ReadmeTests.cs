using System.Text.RegularExpressions;
using Gatehouse.Deployment.Tests.Infrastructure;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>k8s/README.md stays true to the folder it describes.</summary>
public sealed partial class ReadmeTests
{
    private readonly string _readme = File.ReadAllText(Repository.PathOf("k8s", "README.md"));

    [Fact]
    public void The_readme_applies_every_overlay_and_only_overlays_that_exist()
    {
        var named = OverlayPath().Matches(_readme).Select(m => m.Groups["name"].Value).ToHashSet();
        var existing = ((IEnumerable<object[]>)new OverlayNames()).Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(existing, named);
        Assert.Contains("kubectl apply -k k8s/overlays/", _readme, StringComparison.Ordinal);
        Assert.Contains("scale deployment/gatehouse --replicas=", _readme, StringComparison.Ordinal);
        Assert.Contains("port-forward svc/grafana", _readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_describes_every_resource_of_the_base()
    {
        var kustomization = YamlText.Load(File.ReadAllText(Repository.PathOf("k8s", "base", "kustomization.yaml")));
        var resources = YamlText.Scalars(kustomization, "resources").ToList();

        Assert.NotEmpty(resources);
        Problems.AssertNone(resources
            .Where(r => !_readme.Contains($"`{r}`", StringComparison.Ordinal) && !_readme.Contains($"`{r[..(r.LastIndexOf('/') + 1)]}`", StringComparison.Ordinal))
            .Select(r => $"{r} is not described in k8s/README.md"));
    }

    [GeneratedRegex(@"k8s/overlays/(?<name>[a-z0-9-]+)")]
    private static partial Regex OverlayPath();
}
