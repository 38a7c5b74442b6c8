using Gatehouse.Deployment.Tests.Infrastructure;
using k8s;
using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

public sealed class RenderingTests
{
    private static readonly (string Kind, string Name)[] Stack =
    [
        ("Namespace", "gatehouse"),
        ("ServiceAccount", "gatehouse"), ("Role", "gatehouse-orleans-hosting"), ("RoleBinding", "gatehouse-orleans-hosting"),
        ("Deployment", "gatehouse"), ("Service", "gatehouse"), ("Job", "gatehouse-db-migrate"),
        ("StatefulSet", "postgres"), ("Service", "postgres"),
        ("Deployment", "everything"), ("Service", "everything"),
        ("Deployment", "otel-collector"), ("Service", "otel-collector"),
        ("Deployment", "tempo"), ("Service", "tempo"),
        ("Deployment", "prometheus"), ("Service", "prometheus"), ("ServiceAccount", "prometheus"),
        ("Deployment", "grafana"), ("Service", "grafana"),
    ];

    [Fact]
    public void Operators_have_a_dev_and_a_prod_overlay()
    {
        var overlays = ((IEnumerable<object[]>)new OverlayNames()).Select(row => (string)row[0]).ToList();

        Assert.Contains("dev", overlays);
        Assert.Contains("prod", overlays);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_rendered_document_parses_strictly_into_its_typed_Kubernetes_model(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);

        Assert.NotEmpty(manifests.Objects);
        Assert.Equal(manifests.DocumentCount, manifests.Objects.Count);
        Assert.All(manifests.Objects, o =>
        {
            Assert.Equal("k8s.Models", o.GetType().Namespace);
            Assert.False(string.IsNullOrEmpty(o.Metadata?.Name), $"a {o.Kind} has no name");
            Assert.False(string.IsNullOrEmpty(o.ApiVersion), $"{o.Kind}/{o.Metadata?.Name} has no apiVersion");
        });
    }

    [Fact]
    public void Strict_parsing_rejects_a_misspelled_field()
    {
        const string Yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: typo
            spec:
              contianers: []
            """;

        Assert.ThrowsAny<Exception>(() => RenderedManifests.Parse("inline", Yaml));
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_overlay_holds_the_whole_stack(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var present = manifests.Objects.Select(o => (o.Kind, o.Metadata.Name)).ToHashSet();

        Assert.Subset(present, Stack.ToHashSet());
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_object_is_unique_and_lives_in_the_gatehouse_namespace(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);

        var duplicates = manifests.Objects.GroupBy(o => $"{o.Kind}/{o.Metadata.Name}").Where(g => g.Count() > 1).Select(g => g.Key);
        Problems.AssertNone(duplicates);
        var elsewhere = manifests.Objects
            .Where(o => o is not V1Namespace && o.Metadata.NamespaceProperty != "gatehouse")
            .Select(o => $"{o.Kind}/{o.Metadata.Name} in '{o.Metadata.NamespaceProperty}'");
        Problems.AssertNone(elsewhere);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_container_image_is_pinned_to_a_specific_tag(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var images = manifests.PodTemplates()
            .SelectMany(p => (p.Template.Spec.InitContainers ?? []).Concat(p.Template.Spec.Containers).Select(c => (p.Owner, c.Name, c.Image)))
            .ToList();

        Assert.NotEmpty(images);
        Problems.AssertNone(images.Where(i => !ImageReference.IsPinned(i.Image)).Select(i => $"{i.Owner.Metadata.Name}/{i.Name}: {i.Image}"));
    }

    [Theory]
    [InlineData("postgres:17.4-bookworm", true)]
    [InlineData("registry.example.com:5000/gatehouse:0.1.0", true)]
    [InlineData("grafana/grafana@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("grafana/grafana", false)]
    [InlineData("grafana/grafana:latest", false)]
    [InlineData("registry.example.com:5000/gatehouse", false)]
    public void An_image_is_pinned_when_it_names_a_tag_other_than_latest_or_a_digest(string image, bool pinned)
    {
        Assert.Equal(pinned, ImageReference.IsPinned(image));
    }
}
