namespace Gatehouse.Host.Commands;

/// <summary>
/// <c>gatehouse healthcheck [--url URL]</c>: exit 0 when the replica's <c>/healthz</c> answers 200
/// within 3 s, else 1. For container health checks in images that have no curl.
/// </summary>
internal static class HealthcheckCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080/healthz";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter error)
    {
        var url = args is ["--url", var given, ..] ? given : DefaultUrl;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await error.WriteLineAsync($"gatehouse: {url} answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await error.WriteLineAsync($"gatehouse: {url} did not answer: {ex.Message}");
        }

        return 1;
    }
}
