using System.Collections.Concurrent;
using Gatehouse.Deployment.Tests.Infrastructure;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>Renders kustomizations with the kustomize built into kubectl, as operators apply them.</summary>
internal static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedManifests>>> Overlays = new(StringComparer.Ordinal);

    /// <summary>The overlay under <c>k8s/overlays/{name}</c>, rendered once per test run.</summary>
    public static Task<RenderedManifests> OverlayAsync(string name) =>
        Overlays.GetOrAdd(name, key => new Lazy<Task<RenderedManifests>>(() => RenderAsync(Repository.PathOf("k8s", "overlays", key), key))).Value;

    /// <summary>Runs <c>kubectl kustomize DIR</c> and parses every document into its Kubernetes model.</summary>
    public static async Task<RenderedManifests> RenderAsync(string directory, string label)
    {
        var result = await ProcessRunner.RunAsync("kubectl", ["kustomize", directory], TimeSpan.FromMinutes(2));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"kustomize could not render {directory}: {result.Describe()}");
        }

        return RenderedManifests.Parse(label, result.StandardOutput);
    }
}
