using k8s;
using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>The files a container sees from its ConfigMap and Secret volumes, by absolute path.</summary>
internal static class MountedFiles
{
    public static IReadOnlyDictionary<string, string> Resolve(
        RenderedManifests manifests, IKubernetesObject<V1ObjectMeta> owner, V1PodTemplateSpec template, V1Container container)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var claims = (owner as V1StatefulSet)?.Spec.VolumeClaimTemplates?.Select(c => c.Metadata.Name).ToHashSet() ?? [];
        foreach (var mount in container.VolumeMounts ?? [])
        {
            if (claims.Contains(mount.Name))
            {
                continue;
            }

            var volume = template.Spec.Volumes?.SingleOrDefault(v => v.Name == mount.Name)
                ?? throw new InvalidOperationException($"{manifests}: {owner.Metadata.Name}/{container.Name} mounts volume '{mount.Name}', which the pod does not declare.");
            var (data, items) = volume.ConfigMap is { } configMap ? (manifests.ConfigMapValues(configMap.Name), configMap.Items)
                : volume.Secret is { } secret ? (manifests.SecretValues(secret.SecretName), secret.Items)
                : (null, null);
            if (data is null)
            {
                continue;
            }

            // Keys land under their own name unless items map them to other paths.
            var layout = items is { Count: > 0 }
                ? items.ToDictionary(i => i.Path, i => data.TryGetValue(i.Key, out var v) ? v : throw new InvalidOperationException($"{manifests}: volume '{volume.Name}' maps key '{i.Key}', which it does not hold."))
                : data.ToDictionary(pair => pair.Key, pair => pair.Value);
            if (!string.IsNullOrEmpty(mount.SubPath))
            {
                files[mount.MountPath] = layout.TryGetValue(mount.SubPath, out var single)
                    ? single
                    : throw new InvalidOperationException($"{manifests}: {container.Name} mounts '{mount.SubPath}' of volume '{volume.Name}', which holds only {string.Join(", ", layout.Keys)}.");
                continue;
            }

            foreach (var (path, content) in layout)
            {
                files[$"{mount.MountPath.TrimEnd('/')}/{path}"] = content;
            }
        }

        return files;
    }
}
