namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>Container image references: <c>[registry[:port]/]name[:tag][@digest]</c>.</summary>
internal static class ImageReference
{
    /// <summary>True when the reference names a digest, or a tag other than <c>latest</c>.</summary>
    public static bool IsPinned(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return false;
        }

        if (image.Contains("@sha256:", StringComparison.Ordinal))
        {
            return true;
        }

        var tag = Tag(image);
        return tag is not null && tag != "latest";
    }

    /// <summary>The tag after the last ':' of the last path segment (a registry's port is not a tag), or null.</summary>
    public static string? Tag(string image)
    {
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        return colon < 0 ? null : lastSegment[(colon + 1)..];
    }
}
