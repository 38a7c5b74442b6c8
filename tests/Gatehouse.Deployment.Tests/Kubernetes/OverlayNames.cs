using Gatehouse.Deployment.Tests.Infrastructure;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>The overlays an operator can apply: every folder under <c>k8s/overlays</c>.</summary>
public sealed class OverlayNames : TheoryData<string>
{
    public OverlayNames()
    {
        foreach (var folder in Directory.GetDirectories(Repository.PathOf("k8s", "overlays")).Order(StringComparer.Ordinal))
        {
            Add(Path.GetFileName(folder));
        }
    }
}
