using System.CommandLine;

namespace Gatehouse.Host.Commands;

/// <summary>
/// <c>gatehouse healthcheck [--url URL]</c>: exit 0 when the replica's <c>/healthz</c> answers 200
/// within 3 s, else 1. For container health checks in images that have no curl.
/// </summary>
internal static class HealthcheckCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080/healthz";

    /// <summary>The <c>healthcheck</c> command.</summary>
    public static Command Create()
    {
        var url = SingleValueOption.Create("--url", "URL", $"The replica's health endpoint (default {DefaultUrl}).");
        var command = new Command("healthcheck", "Exit 0 if the replica's /healthz answers 200 within 3 s, else 1 (for container health checks).") { url };
        command.SetAction((result, _) => RunAsync(result.GetValue(url) ?? DefaultUrl, result.InvocationConfiguration.Error));
        return command;
    }

    public static async Task<int> RunAsync(string url, TextWriter error)
    {
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
