using System.Text;
using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>The output of one <c>kubectl kustomize</c>: every document parsed, strictly, into its typed model.</summary>
internal sealed class RenderedManifests
{
    private RenderedManifests(string overlay, string yaml, int documentCount, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects)
    {
        Overlay = overlay;
        Yaml = yaml;
        DocumentCount = documentCount;
        Objects = objects;
    }

    public string Overlay { get; }

    public string Yaml { get; }

    /// <summary>How many YAML documents the output holds, counted independently of the Kubernetes parser.</summary>
    public int DocumentCount { get; }

    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects { get; }

    /// <summary>
    /// Parses a YAML stream with <see cref="KubernetesYaml.LoadAllFromString"/> in strict mode: an unknown
    /// kind, or a field the model does not have (a typo, a wrong level), is an error.
    /// </summary>
    public static RenderedManifests Parse(string overlay, string yaml)
    {
        var loaded = KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        foreach (var item in loaded)
        {
            objects.Add(item as IKubernetesObject<V1ObjectMeta>
                ?? throw new InvalidOperationException($"{overlay}: a document parsed into {item?.GetType().Name ?? "null"}, not a Kubernetes object with metadata."));
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new RenderedManifests(overlay, yaml, stream.Documents.Count, objects);
    }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public bool Has<T>(string name)
        where T : IKubernetesObject<V1ObjectMeta> =>
        All<T>().Any(o => o.Metadata.Name == name);

    /// <summary>The one object of type <typeparamref name="T"/> with this name, or a failure listing those there are.</summary>
    public T Named<T>(string name)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var matches = All<T>().Where(o => o.Metadata.Name == name).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException(
                $"{Overlay}: expected one {typeof(T).Name} named '{name}', found {matches.Count}. There are: {string.Join(", ", All<T>().Select(o => o.Metadata.Name))}");
    }

    /// <summary>A Secret's values, decoded.</summary>
    public IReadOnlyDictionary<string, string> SecretValues(string name)
    {
        var secret = Named<V1Secret>(name);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, bytes) in secret.Data ?? new Dictionary<string, byte[]>())
        {
            values[key] = Encoding.UTF8.GetString(bytes);
        }

        foreach (var (key, text) in secret.StringData ?? new Dictionary<string, string>())
        {
            values[key] = text;
        }

        return values;
    }

    public IReadOnlyDictionary<string, string> ConfigMapValues(string name) =>
        Named<V1ConfigMap>(name).Data is { } data ? new Dictionary<string, string>(data, StringComparer.Ordinal) : new Dictionary<string, string>();

    /// <summary>Every pod template in the output, with the object that owns it.</summary>
    public IEnumerable<(IKubernetesObject<V1ObjectMeta> Owner, V1PodTemplateSpec Template)> PodTemplates()
    {
        foreach (var deployment in All<V1Deployment>())
        {
            yield return (deployment, deployment.Spec.Template);
        }

        foreach (var statefulSet in All<V1StatefulSet>())
        {
            yield return (statefulSet, statefulSet.Spec.Template);
        }

        foreach (var job in All<V1Job>())
        {
            yield return (job, job.Spec.Template);
        }
    }

    public override string ToString() => Overlay;
}
