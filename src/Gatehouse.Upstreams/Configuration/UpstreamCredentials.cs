namespace Gatehouse.Upstreams;

/// <summary>
/// The headers Gatehouse adds to requests to an HTTP upstream: the configured static headers and the
/// upstream's own bearer token. The agent's token is never among them: agents authenticate to
/// Gatehouse, Gatehouse to the upstream.
/// </summary>
public static class UpstreamCredentials
{
    public static Dictionary<string, string> Headers(UpstreamOptions options)
    {
        var headers = new Dictionary<string, string>(options.Headers, StringComparer.OrdinalIgnoreCase);
        var token = options.BearerTokenFile is { Length: > 0 } file ? File.ReadAllText(file).Trim() : options.BearerToken;
        if (!string.IsNullOrEmpty(token))
        {
            headers["Authorization"] = "Bearer " + token;
        }

        return headers;
    }
}
