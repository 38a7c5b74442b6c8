namespace Gatehouse.ConformanceServer.Security;

/// <summary>Recognises the host names that can only mean this machine.</summary>
internal static class LoopbackHost
{
    /// <summary>Whether <paramref name="host"/> (no port; IPv6 with or without brackets) names the loopback interface.</summary>
    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host is "127.0.0.1" or "::1" or "[::1]";

    /// <summary>Whether an <c>Origin</c> header value is an http(s) origin on a loopback host.</summary>
    public static bool IsLoopbackOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && IsLoopback(uri.Host);
}
