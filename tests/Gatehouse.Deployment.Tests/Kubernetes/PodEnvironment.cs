using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>
/// The environment variables a container gets, resolved from the rendered manifests as the kubelet
/// resolves them: <c>envFrom</c> first, then <c>env</c> (which wins); values from Secrets, ConfigMaps
/// and the downward API; <c>$(NAME)</c> references to variables defined before. A reference to a
/// Secret, ConfigMap, key or label that does not exist is an error, as it is in a cluster.
/// </summary>
internal static partial class PodEnvironment
{
    /// <summary>The pod IP the downward API gives in these resolutions.</summary>
    public const string ExamplePodIp = "10.42.0.17";

    public static IReadOnlyDictionary<string, string> Resolve(
        RenderedManifests manifests, IKubernetesObject<V1ObjectMeta> owner, V1PodTemplateSpec template, V1Container container)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            var prefix = source.Prefix ?? string.Empty;
            var data = source.SecretRef is { } secret ? manifests.SecretValues(secret.Name)
                : source.ConfigMapRef is { } configMap ? manifests.ConfigMapValues(configMap.Name)
                : throw new InvalidOperationException($"{manifests}: {container.Name} has an envFrom with neither secretRef nor configMapRef.");
            foreach (var (key, value) in data)
            {
                values[prefix + key] = value;
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            values[variable.Name] = variable.ValueFrom is { } from
                ? ValueFrom(manifests, owner, template, container, variable.Name, from)
                : Expand(variable.Value ?? string.Empty, values);
        }

        return values;
    }

    private static string ValueFrom(
        RenderedManifests manifests, IKubernetesObject<V1ObjectMeta> owner, V1PodTemplateSpec template, V1Container container, string name, V1EnvVarSource from)
    {
        var where = $"{manifests}: {owner.Metadata.Name}/{container.Name} env {name}";
        if (from.SecretKeyRef is { } secretKey)
        {
            return manifests.SecretValues(secretKey.Name).TryGetValue(secretKey.Key, out var secretValue)
                ? secretValue
                : throw new InvalidOperationException($"{where}: Secret '{secretKey.Name}' has no key '{secretKey.Key}'.");
        }

        if (from.ConfigMapKeyRef is { } configMapKey)
        {
            return manifests.ConfigMapValues(configMapKey.Name).TryGetValue(configMapKey.Key, out var configValue)
                ? configValue
                : throw new InvalidOperationException($"{where}: ConfigMap '{configMapKey.Name}' has no key '{configMapKey.Key}'.");
        }

        if (from.FieldRef is { } field)
        {
            return FieldValue(owner, template, field.FieldPath) ?? throw new InvalidOperationException($"{where}: the downward API has no value for '{field.FieldPath}'.");
        }

        if (from.ResourceFieldRef is not null)
        {
            return "1";
        }

        throw new InvalidOperationException($"{where}: valueFrom names no source.");
    }

    private static string? FieldValue(IKubernetesObject<V1ObjectMeta> owner, V1PodTemplateSpec template, string path)
    {
        var labelOrAnnotation = MetadataMapField().Match(path);
        if (labelOrAnnotation.Success)
        {
            var map = labelOrAnnotation.Groups["map"].Value == "labels" ? template.Metadata?.Labels : template.Metadata?.Annotations;
            return map is not null && map.TryGetValue(labelOrAnnotation.Groups["key"].Value, out var value) ? value : null;
        }

        return path switch
        {
            "metadata.name" => $"{owner.Metadata.Name}-5d8f7c9b4-x2k9q",
            "metadata.namespace" => owner.Metadata.NamespaceProperty,
            "metadata.uid" => "00000000-0000-0000-0000-000000000001",
            "status.podIP" => ExamplePodIp,
            "status.hostIP" => "192.0.2.10",
            "spec.nodeName" => "node-1",
            "spec.serviceAccountName" => template.Spec.ServiceAccountName ?? "default",
            _ => null,
        };
    }

    /// <summary>Kubernetes' <c>$(NAME)</c> expansion; <c>$$</c> escapes, unknown names stay as written.</summary>
    private static string Expand(string value, IReadOnlyDictionary<string, string> defined) =>
        Reference().Replace(value, match => match.Value == "$$" ? "$"
            : defined.TryGetValue(match.Groups["name"].Value, out var replacement) ? replacement : match.Value);

    [GeneratedRegex(@"^metadata\.(?<map>labels|annotations)\['(?<key>[^']+)'\]$")]
    private static partial Regex MetadataMapField();

    [GeneratedRegex(@"\$\$|\$\((?<name>[A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex Reference();
}
